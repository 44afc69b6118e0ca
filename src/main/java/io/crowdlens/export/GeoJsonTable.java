package io.crowdlens.export;

import io.crowdlens.common.Figure;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The GeoJSON format (decision 030), through the one {@link GeoJsonWriter}: a FeatureCollection whose
 * foreign member {@code metadata} holds the export's metadata, and one Feature per row: id = the row's
 * first cell (the area id), properties = the row's cells under the CSV's column names, geometry = the
 * unit's stored geometry. A hidden figure is null with {@code <name>_suppressed: true}, never 0, and
 * {@code <name>_text} reads the hidden text (for labels in a GIS).
 */
final class GeoJsonTable implements TableSink {

    private final OutputStream out;
    private final Function<Object, String> geometries;
    private List<ExportColumn> columns;
    private GeoJsonWriter writer;

    GeoJsonTable(OutputStream out, Function<Object, String> geometries) {
        this.out = out;
        this.geometries = geometries;
    }

    @Override
    public void begin(ExportMetadata metadata, List<ExportColumn> columns) {
        this.columns = columns;
        writer = GeoJsonWriter.featureCollection(out, Map.of("metadata", metadata.lines()));
    }

    @Override
    public void row(Object[] values) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            ExportColumn column = columns.get(i);
            Object value = values[i];
            switch (column.type()) {
                case TEXT, DATE -> properties.put(column.name(), value == null ? null : value.toString());
                case NUMBER -> properties.put(column.name(), value);
                case FIGURE -> {
                    Figure figure = (Figure) value;
                    boolean shown = figure instanceof Figure.Shown;
                    properties.put(column.name(), shown ? FigureCells.value((Figure.Shown) figure, column.decimals()) : null);
                    properties.put(column.name() + "_margin95",
                            shown ? FigureCells.margin((Figure.Shown) figure, column.decimals()) : null);
                    properties.put(column.name() + "_suppressed", !shown);
                    properties.put(column.name() + "_text", figure.text());
                }
            }
        }
        Object key = values[0];
        writer.feature(key, properties, geometries.apply(key));
    }

    @Override
    public void finish() {
        writer.finish();
    }
}
