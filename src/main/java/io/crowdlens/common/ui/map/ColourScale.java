package io.crowdlens.common.ui.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quantile classes over the shown values with a colour-blind-safe sequential palette (viridis,
 * light to dark). Quantiles suit the heavily skewed counts of presence data: a few downtown areas
 * would otherwise push every other area into the lowest class.
 */
public final class ColourScale {

    static final String[] VIRIDIS_5 = {"#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"};

    private final long[] upperBounds;

    private ColourScale(long[] upperBounds) {
        this.upperBounds = upperBounds;
    }

    /** Up to five classes with distinct upper bounds; fewer when the values have few distinct levels. */
    public static ColourScale quantiles(long[] values) {
        if (values.length == 0) {
            return new ColourScale(new long[0]);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        List<Long> bounds = new ArrayList<>();
        for (int i = 1; i <= VIRIDIS_5.length; i++) {
            int index = (int) Math.ceil(i * sorted.length / (double) VIRIDIS_5.length) - 1;
            long bound = sorted[Math.max(0, Math.min(sorted.length - 1, index))];
            if (bounds.isEmpty() || bound > bounds.getLast()) {
                bounds.add(bound);
            }
        }
        return new ColourScale(bounds.stream().mapToLong(Long::longValue).toArray());
    }

    public String colourOf(long value) {
        int cls = classOf(value);
        return palette()[cls];
    }

    /** Legend entries "lower - upper" per class; the first class starts at {@code minimum}. */
    public List<MapLegend.Entry> legendEntries(long minimum) {
        List<MapLegend.Entry> entries = new ArrayList<>();
        long lower = minimum;
        String[] palette = palette();
        for (int i = 0; i < upperBounds.length; i++) {
            String label = lower == upperBounds[i] ? String.valueOf(lower) : lower + " – " + upperBounds[i];
            entries.add(new MapLegend.Entry(palette[i], label, false));
            lower = upperBounds[i] + 1;
        }
        return entries;
    }

    int classes() {
        return upperBounds.length;
    }

    private int classOf(long value) {
        for (int i = 0; i < upperBounds.length; i++) {
            if (value <= upperBounds[i]) {
                return i;
            }
        }
        return upperBounds.length - 1;
    }

    /** Spread the classes over the palette so that two classes use its ends, not two light greens. */
    private String[] palette() {
        int n = Math.max(1, upperBounds.length);
        String[] colours = new String[n];
        for (int i = 0; i < n; i++) {
            int index = n == 1 ? VIRIDIS_5.length / 2 : Math.round(i * (VIRIDIS_5.length - 1) / (float) (n - 1));
            colours[i] = VIRIDIS_5[index];
        }
        return colours;
    }
}
