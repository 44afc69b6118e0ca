package io.crowdlens.common.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void skewedCountsAreSpreadOverFiveQuantileClasses() {
        // ten quiet suburbs and one very busy downtown: a linear scale would put all suburbs in one class
        long[] counts = {15, 16, 18, 20, 22, 25, 30, 34, 40, 45, 4000};
        ColourScale scale = ColourScale.quantiles(counts);

        assertThat(scale.classes()).isEqualTo(5);
        assertThat(scale.colourOf(15)).isEqualTo(ColourScale.VIRIDIS_5[0]);
        assertThat(scale.colourOf(4000)).isEqualTo(ColourScale.VIRIDIS_5[4]);
        assertThat(scale.colourOf(25)).isNotEqualTo(scale.colourOf(45));
        assertThat(scale.legendEntries(15)).extracting(MapLegend.Entry::label)
                .containsExactly("15 – 18", "19 – 22", "23 – 30", "31 – 40", "41 – 4000");
    }

    @Test
    void fewDistinctValuesGiveFewerClassesAtThePaletteEnds() {
        ColourScale scale = ColourScale.quantiles(new long[] {20, 20, 20, 50, 50});

        assertThat(scale.classes()).isEqualTo(2);
        assertThat(scale.colourOf(20)).isEqualTo(ColourScale.VIRIDIS_5[0]);
        assertThat(scale.colourOf(50)).isEqualTo(ColourScale.VIRIDIS_5[4]);
        assertThat(scale.legendEntries(15)).extracting(MapLegend.Entry::label).containsExactly("15 – 20", "21 – 50");
    }

    @Test
    void noValuesNoClasses() {
        assertThat(ColourScale.quantiles(new long[0]).legendEntries(15)).isEmpty();
    }
}
