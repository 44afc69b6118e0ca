package io.crowdlens.pipeline.commuting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.drop.Cell;
import io.crowdlens.pipeline.drop.DropException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** corridors.geojson: what a good file gives, and what the operator is told about a bad one. */
class CorridorReaderTest {

    @TempDir
    Path temp;

    @Test
    void cellsWithinTheBufferMakeUpTheCorridorInOrderAlongTheLine() throws IOException {
        List<Corridor> corridors = CorridorReader.read(write("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "K", "name": "Ring", "bufferMetres": 300},
                   "geometry": {"type": "LineString", "coordinates": [[13.40, 52.50], [13.50, 52.50], [13.50, 52.60]]}},
                  {"type": "Feature", "properties": {"id": 7, "name": "Default buffer"},
                   "geometry": {"type": "LineString", "coordinates": [[13.40, 52.40], [13.50, 52.40]]}}
                ]}"""));

        assertThat(corridors).extracting(Corridor::code, Corridor::name, Corridor::bufferMetres)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("K", "Ring", 300),
                        org.assertj.core.groups.Tuple.tuple("7", "Default buffer", 500));
        // 0.001 degrees of latitude is 111 m; 0.004 is 445 m (outside 300 m)
        List<Cell> cells = List.of(
                new Cell("on-the-bend", 52.5010, 13.4990),
                new Cell("second-leg", 52.5500, 13.5020),
                new Cell("near-start", 52.5010, 13.4100),
                new Cell("too-far", 52.5040, 13.4500),
                new Cell("before-the-start", 52.5000, 13.3980),
                new Cell("after-the-end", 52.6020, 13.5000));
        assertThat(CorridorGeometry.cellsOf(corridors.getFirst(), cells))
                .extracting(CorridorGeometry.CorridorCell::cellKey, CorridorGeometry.CorridorCell::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("before-the-start", 1),
                        org.assertj.core.groups.Tuple.tuple("near-start", 2),
                        org.assertj.core.groups.Tuple.tuple("on-the-bend", 3),
                        org.assertj.core.groups.Tuple.tuple("second-leg", 4),
                        org.assertj.core.groups.Tuple.tuple("after-the-end", 5));
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Path file = write("{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": \"Feature\",, } ]}");

        assertThatThrownBy(() -> CorridorReader.read(file))
                .isInstanceOf(DropException.class)
                .hasMessageStartingWith("invalid GeoJSON in corridors.geojson at line 2, column");
    }

    @Test
    void aPolygonWhereALineBelongsNamesItsJsonPath() throws IOException {
        Path file = write("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "K", "name": "Ring"},
                   "geometry": {"type": "LineString", "coordinates": [[13.40, 52.50], [13.50, 52.50]]}},
                  {"type": "Feature", "properties": {"id": "L", "name": "Loop"},
                   "geometry": {"type": "Polygon", "coordinates": [[[13.4, 52.5], [13.5, 52.5], [13.5, 52.6], [13.4, 52.5]]]}}
                ]}""");

        assertThatThrownBy(() -> CorridorReader.read(file))
                .isInstanceOf(DropException.class)
                .hasMessage("invalid GeoJSON in corridors.geojson at $.features[1].geometry.type: expected LineString, found 'Polygon'");
    }

    @Test
    void otherDefectsNameTheirJsonPath() throws IOException {
        assertDefect("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "No id"},
                 "geometry": {"type": "LineString", "coordinates": [[13.4, 52.5], [13.5, 52.5]]}}]}""",
                "$.features[0].properties.id: required property 'id' is missing");
        assertDefect("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "K", "name": "One point"},
                 "geometry": {"type": "LineString", "coordinates": [[13.4, 52.5]]}}]}""",
                "$.features[0].geometry.coordinates: a LineString needs at least 2 positions");
        assertDefect("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "K", "name": "Bad"},
                 "geometry": {"type": "LineString", "coordinates": [[13.4, 52.5], [13.5, 95.0]]}}]}""",
                "$.features[0].geometry.coordinates[1]: longitude or latitude out of range");
        assertDefect("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "K", "name": "Wide", "bufferMetres": -5},
                 "geometry": {"type": "LineString", "coordinates": [[13.4, 52.5], [13.5, 52.5]]}}]}""",
                "$.features[0].properties.bufferMetres: bufferMetres must be a number of metres above 0 and at most 5000");
        assertDefect("""
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"id": "K", "name": "A"}, "geometry": {"type": "LineString", "coordinates": [[13.4, 52.5], [13.5, 52.5]]}},
                 {"type": "Feature", "properties": {"id": "K", "name": "B"}, "geometry": {"type": "LineString", "coordinates": [[13.4, 52.5], [13.5, 52.5]]}}]}""",
                "$.features[1].properties.id: id K appears twice");
        assertDefect("{\"type\": \"Feature\"}", "$.type: expected a FeatureCollection");
    }

    private void assertDefect(String json, String where) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> CorridorReader.read(file))
                .isInstanceOf(DropException.class)
                .hasMessage("invalid GeoJSON in corridors.geojson at " + where);
    }

    private Path write(String json) throws IOException {
        return Files.writeString(temp.resolve("corridors.geojson"), json);
    }
}
