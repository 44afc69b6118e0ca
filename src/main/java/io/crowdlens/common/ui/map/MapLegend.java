package io.crowdlens.common.ui.map;

import java.util.List;

/**
 * The legend drawn on the map: a title saying exactly what the numbers are, one entry per colour
 * class (plus the suppressed hatch) and a note naming the release and k.
 */
public record MapLegend(String title, List<Entry> entries, String note) {

    public MapLegend {
        entries = List.copyOf(entries);
    }

    public record Entry(String colour, String label, boolean suppressed) {
    }
}
