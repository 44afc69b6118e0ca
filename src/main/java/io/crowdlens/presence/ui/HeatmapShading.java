package io.crowdlens.presence.ui;

import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.AreaShade;
import io.crowdlens.common.ui.map.ColourScale;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.presence.AreaFigure;
import io.crowdlens.presence.Heatmap;
import io.crowdlens.presence.PresenceMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Paints a heatmap on the map: one shade per area, suppressed areas hatched, and the legend. */
final class HeatmapShading {

    private HeatmapShading() {
    }

    /** Colours relative to this heatmap's own figures. */
    static void paint(AreaMap map, Heatmap heatmap) {
        long[] values = heatmap.figures().stream().filter(f -> !f.suppressed()).mapToLong(AreaFigure::value).toArray();
        paint(map, heatmap, ColourScale.quantiles(values), "");
    }

    /** Colours from a scale fixed elsewhere (for example over every hour of a window), said in the legend. */
    static void paint(AreaMap map, Heatmap heatmap, ColourScale scale, String scaleNote) {
        Map<String, AreaShade> shades = new LinkedHashMap<>();
        String unit = heatmap.selection().metric() == PresenceMetric.AVERAGE_HOURLY ? " devices per hour (average)"
                : " devices in the peak hour";
        for (AreaFigure figure : heatmap.figures()) {
            shades.put(String.valueOf(figure.areaId()), figure.suppressed()
                    ? AreaShade.suppressed(heatmap.minimumCrowd())
                    : AreaShade.value(scale.colourOf(figure.value()), figure.figure().shortText() + unit));
        }
        List<MapLegend.Entry> entries = new ArrayList<>(scale.legendEntries(heatmap.minimumCrowd()));
        entries.add(new MapLegend.Entry(null, "not shown (below the minimum crowd of " + heatmap.minimumCrowd() + ")",
                true));
        map.setShading(shades, new MapLegend(heatmap.selection().metric().label(), entries,
                "Release " + heatmap.release().id() + " · k = " + heatmap.minimumCrowd()
                        + (heatmap.release().noisy() ? " · noise added, ± = 95 % margin" : " · exact (no noise)")
                        + scaleNote));
    }
}
