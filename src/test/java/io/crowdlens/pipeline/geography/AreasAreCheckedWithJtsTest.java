package io.crowdlens.pipeline.geography;

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

/**
 * areas.geojson as a geometry library sees it: invalid polygons, positions in metres or swapped,
 * overlapping areas, cells on a shared boundary or outside every area. Each message names the file,
 * the feature and the problem.
 */
class AreasAreCheckedWithJtsTest {

    @TempDir
    Path temp;

    @Test
    void aPolygonWhoseBoundaryCrossesItselfIsRefusedNamingTheFeatureAndThePlace() {
        // a bow tie: the second and fourth edges cross at (13.40, 52.51)
        Path file = areas(feature("B", "Bow tie", "district", polygon("[13.38,52.50],[13.42,52.52],[13.42,52.50],[13.38,52.52],[13.38,52.50]")));

        assertThatThrownBy(() -> AreaReader.read(file))
                .isInstanceOf(DropException.class)
                .hasMessage("invalid GeoJSON in areas.geojson at $.features[0].geometry: area B (Bow tie, layer district)"
                        + " is not a valid polygon: its boundary crosses itself (self-intersection) at [13.400000, 52.510000]");
    }

    @Test
    void aHoleOutsideItsRingIsRefused() {
        Path file = areas(feature("H", "Holey", "district", "{\"type\":\"Polygon\",\"coordinates\":["
                + "[[13.38,52.50],[13.42,52.50],[13.42,52.52],[13.38,52.52],[13.38,52.50]],"
                + "[[13.50,52.50],[13.51,52.50],[13.51,52.51],[13.50,52.51],[13.50,52.50]]]}"));

        assertThatThrownBy(() -> AreaReader.read(file))
                .isInstanceOf(DropException.class)
                .hasMessageStartingWith("invalid GeoJSON in areas.geojson at $.features[0].geometry: area H (Holey, layer district)"
                        + " is not a valid polygon: a hole lies outside its outer ring");
    }

    @Test
    void aHoleInsideItsRingIsFineAndCellsInTheHoleAreOutside() {
        Path file = areas(feature("H", "Holey", "district", "{\"type\":\"Polygon\",\"coordinates\":["
                + "[[13.38,52.50],[13.42,52.50],[13.42,52.52],[13.38,52.52],[13.38,52.50]],"
                + "[[13.39,52.505],[13.41,52.505],[13.41,52.515],[13.39,52.515],[13.39,52.505]]]}"));

        Geography geography = Geography.of(AreaReader.read(file),
                List.of(new Cell("ring", 52.502, 13.385), new Cell("hole", 52.51, 13.40)), 8);

        assertThat(districtOf(geography, "ring")).isEqualTo("H");
        assertThat(districtOf(geography, "hole")).isNull();
    }

    @Test
    void positionsInMetresAreNamedAsProjected() {
        Path file = areas(feature("M", "Metres", "district",
                polygon("[390000,5820000],[391000,5820000],[391000,5821000],[390000,5821000],[390000,5820000]")));

        assertThatThrownBy(() -> AreaReader.read(file))
                .isInstanceOf(DropException.class)
                .hasMessageContaining("$.features[0].geometry.coordinates[0][0]")
                .hasMessageContaining("looks projected (metres, e.g. UTM or Web Mercator)")
                .hasMessageContaining("reproject the file");
    }

    @Test
    void aDeclaredCoordinateSystemOtherThanWgs84IsRefused() throws IOException {
        Path file = temp.resolve("areas.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::25833\"}},\"features\":[]}");

        assertThatThrownBy(() -> AreaReader.read(file))
                .isInstanceOf(DropException.class)
                .hasMessage("invalid GeoJSON in areas.geojson at $.crs: the file declares the coordinate system"
                        + " urn:ogc:def:crs:EPSG::25833; positions must be WGS84 longitude and latitude (CRS84 / EPSG:4326):"
                        + " reproject the file");
    }

    @Test
    void aLayerWithLatitudeAndLongitudeSwappedFailsInsteadOfPublishingNothing() {
        // North and South of the hand-counted drop, written [lat, lon]
        Path file = areas(
                feature("N", "North", "district", polygon("[52.50,13.38],[52.50,13.42],[52.52,13.42],[52.52,13.38],[52.50,13.38]")),
                feature("S", "South", "district", polygon("[52.48,13.38],[52.48,13.42],[52.50,13.42],[52.50,13.38],[52.48,13.38]")));
        List<Cell> cells = List.of(new Cell("c1", 52.505, 13.385), new Cell("c2", 52.518, 13.415),
                new Cell("c3", 52.490, 13.400), new Cell("c4", 52.600, 13.600));

        assertThatThrownBy(() -> Geography.of(AreaReader.read(file), cells, 8))
                .isInstanceOf(DropException.class)
                .hasMessage("areas.geojson layer district: no cell of cells.csv lies in any of its 2 areas, but 3 of 4"
                        + " would with latitude and longitude swapped: GeoJSON positions are [longitude, latitude] and"
                        + " cells.csv gives lat and lon by column name; swap the areas' positions (or the cells' columns)");
    }

    @Test
    void areasOfOneLayerThatOverlapBeyondTheLimitFailTheLayer() {
        // West and East share the strip 13.40-13.41: about 680 m x 2,220 m
        Path file = areas(
                feature("W", "West", "district", polygon("[13.38,52.50],[13.41,52.50],[13.41,52.52],[13.38,52.52],[13.38,52.50]")),
                feature("E", "East", "district", polygon("[13.40,52.50],[13.42,52.50],[13.42,52.52],[13.40,52.52],[13.40,52.50]")));

        assertThatThrownBy(() -> Geography.of(AreaReader.read(file), List.of(new Cell("c", 52.51, 13.39)), 8))
                .isInstanceOf(DropException.class)
                .hasMessageStartingWith("areas.geojson layer district: areas W (West) and E (East) overlap by 1,505,")
                .hasMessageContaining("above the allowed 1,000 m² (crowdlens.pipeline.geography.max-overlap-square-metres)");
    }

    @Test
    void aSliverOfOverlapBelowTheLimitIsAWarningAndTheFirstAreaInTheFileKeepsItsCells() {
        // East starts 0.00001 degrees (about 0.7 m) west of where West ends: 0.7 m x 2,220 m, about 1,500 m²
        Path file = areas(
                feature("W", "West", "district", polygon("[13.38,52.50],[13.40,52.50],[13.40,52.52],[13.38,52.52],[13.38,52.50]")),
                feature("E", "East", "district", polygon("[13.39999,52.50],[13.42,52.50],[13.42,52.52],[13.39999,52.52],[13.39999,52.50]")));
        List<Cell> cells = List.of(new Cell("in-both", 52.51, 13.399995), new Cell("east", 52.51, 13.41));

        Geography geography = Geography.of(AreaReader.read(file), cells, 8, new GeographyLimits(2000));

        assertThat(districtOf(geography, "in-both")).isEqualTo("W");
        assertThat(districtOf(geography, "east")).isEqualTo("E");
        assertThat(geography.warnings()).singleElement().asString()
                .startsWith("layer district: 1 pairs of areas overlap slightly (largest W and E, 1,5");
    }

    @Test
    void aCellOnTheLineTwoAreasShareCountsInExactlyOneTheEasternOrNorthernOne() {
        Path file = areas(
                feature("SW", "South-west", "district", polygon("[13.38,52.50],[13.40,52.50],[13.40,52.51],[13.38,52.51],[13.38,52.50]")),
                feature("SE", "South-east", "district", polygon("[13.40,52.50],[13.42,52.50],[13.42,52.51],[13.40,52.51],[13.40,52.50]")),
                feature("NW", "North-west", "district", polygon("[13.38,52.51],[13.40,52.51],[13.40,52.52],[13.38,52.52],[13.38,52.51]")));
        List<Cell> cells = List.of(
                new Cell("on-north-south-line", 52.505, 13.40),
                new Cell("on-east-west-line", 52.51, 13.39),
                new Cell("on-the-corner", 52.51, 13.40),
                new Cell("on-the-outer-edge", 52.50, 13.39));

        Geography geography = Geography.of(AreaReader.read(file), cells, 8);

        assertThat(geography.cellAreas().stream().filter(c -> c.layerCode().equals("district")))
                .extracting(CellArea::cellKey, CellArea::areaCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("on-north-south-line", "SE"),
                        org.assertj.core.groups.Tuple.tuple("on-east-west-line", "NW"),
                        // just north-east of the corner there is no area: the first in the file whose boundary holds it
                        org.assertj.core.groups.Tuple.tuple("on-the-corner", "SW"),
                        org.assertj.core.groups.Tuple.tuple("on-the-outer-edge", "SW"));
    }

    @Test
    void aCellWhereFourAreasMeetCountsInTheNorthEasternOne() {
        Path file = areas(
                feature("SW", "South-west", "district", polygon("[13.38,52.50],[13.40,52.50],[13.40,52.51],[13.38,52.51],[13.38,52.50]")),
                feature("SE", "South-east", "district", polygon("[13.40,52.50],[13.42,52.50],[13.42,52.51],[13.40,52.51],[13.40,52.50]")),
                feature("NW", "North-west", "district", polygon("[13.38,52.51],[13.40,52.51],[13.40,52.52],[13.38,52.52],[13.38,52.51]")),
                feature("NE", "North-east", "district", polygon("[13.40,52.51],[13.42,52.51],[13.42,52.52],[13.40,52.52],[13.40,52.51]")));

        Geography geography = Geography.of(AreaReader.read(file), List.of(new Cell("corner", 52.51, 13.40)), 8);

        assertThat(districtOf(geography, "corner")).isEqualTo("NE");
        assertThat(geography.cellAreas().stream().filter(c -> c.layerCode().equals("district"))).hasSize(1);
    }

    @Test
    void cellsOutsideEveryAreaAreReportedAndNotMoved() {
        Path file = areas(feature("N", "North", "district",
                polygon("[13.38,52.50],[13.42,52.50],[13.42,52.52],[13.38,52.52],[13.38,52.50]")));
        List<Cell> cells = List.of(new Cell("in", 52.51, 13.40), new Cell("shore", 52.5001, 13.43));

        Geography geography = Geography.of(AreaReader.read(file), cells, 8);

        assertThat(districtOf(geography, "shore")).isNull();
        assertThat(geography.warnings()).containsExactly(
                "layer district: 1 of 2 cells lie in no area and count in none of its figures (shore [13.430000, 52.500100])");
    }

    private static String districtOf(Geography geography, String cell) {
        return geography.cellAreas().stream()
                .filter(c -> c.cellKey().equals(cell) && c.layerCode().equals("district"))
                .map(CellArea::areaCode).findFirst().orElse(null);
    }

    private Path areas(String... features) {
        Path file = temp.resolve("areas.geojson");
        try {
            Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static String feature(String id, String name, String layer, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"layer\":\"" + layer
                + "\"},\"geometry\":" + geometry + "}";
    }

    private static String polygon(String positions) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + positions + "]]}";
    }
}
