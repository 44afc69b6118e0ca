package io.crowdlens.pipeline.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: a 200 MB areas file (one huge ring) was stored whole and made the portal's map page grow
 * past 6 GB. Areas are now bounded in number and positions, and a detailed area is stored for display
 * simplified to a bounded size while cells are still assigned with its exact shape.
 */
class AreasWithinBoundsTest {

    static final DropLimits SMALL = new DropLimits(1L << 30, 1L << 30, 1L << 20, 1 << 16, 2, 5_000, 100, 366, false);

    @TempDir
    Path temp;

    @Test
    void anAreaWithMorePositionsThanTheBoundFailsNamingTheSetting() throws IOException {
        Path file = areas(circle("R", 6_000));

        assertThatThrownBy(() -> AreaReader.read(file, SMALL))
                .isInstanceOf(DropException.class)
                .hasMessage("areas.geojson at $.features[0].geometry: area R has 6001 positions, above the limit of 5000"
                        + " positions (crowdlens.pipeline.limits.max-vertices-per-area)");
    }

    @Test
    void moreAreasThanTheBoundFailNamingTheSetting() throws IOException {
        Path file = areas(circle("A", 10), circle("B", 10), circle("C", 10));

        assertThatThrownBy(() -> AreaReader.read(file, SMALL))
                .isInstanceOf(DropException.class)
                .hasMessage("areas.geojson holds 3 areas, above the limit of 2 areas (crowdlens.pipeline.limits.max-areas)");
    }

    @Test
    void aDetailedAreaIsStoredSimplifiedForDisplayAndAssignedWithItsExactShape() throws IOException {
        Path file = areas(circle("R", 4_000));

        Area area = AreaReader.read(file, SMALL).getFirst();

        assertThat(area.shape().getNumPoints()).isEqualTo(4_001);
        long displayed = area.geometry().chars().filter(c -> c == '[').count() - 2;
        assertThat(displayed).isBetween(4L, 100L);
        assertThat(area.geometry()).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[");
    }

    private Path areas(String... features) throws IOException {
        Path file = temp.resolve("areas.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        return file;
    }

    /** A circle of about 1 km around Berlin's centre with {@code positions} positions. */
    private static String circle(String id, int positions) {
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= positions; i++) {
            double angle = 2 * Math.PI * (i % positions) / positions;
            ring.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]",
                    13.40 + 0.015 * Math.cos(angle), 52.52 + 0.009 * Math.sin(angle)));
        }
        return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"name\":\"" + id
                + "\",\"layer\":\"district\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}";
    }
}
