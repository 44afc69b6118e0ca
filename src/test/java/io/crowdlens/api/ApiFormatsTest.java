package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiFormatsTest {

    @Test
    void theFormatParameterWinsOverTheAcceptHeader() {
        assertThat(ApiFormats.choose("geojson", "application/json", true)).isEqualTo(ApiFormats.GEOJSON);
        assertThat(ApiFormats.choose("JSON", "application/geo+json", true)).isEqualTo(ApiFormats.JSON);
    }

    @Test
    void acceptIsReadByQualityAndAWildcardMeansJson() {
        assertThat(ApiFormats.choose(null, null, true)).isEqualTo(ApiFormats.JSON);
        assertThat(ApiFormats.choose(null, "*/*", true)).isEqualTo(ApiFormats.JSON);
        assertThat(ApiFormats.choose(null, "application/*", true)).isEqualTo(ApiFormats.JSON);
        assertThat(ApiFormats.choose(null, "application/geo+json", true)).isEqualTo(ApiFormats.GEOJSON);
        assertThat(ApiFormats.choose(null, "application/json;q=0.5, application/geo+json", true))
                .isEqualTo(ApiFormats.GEOJSON);
        assertThat(ApiFormats.choose(null, "application/geo+json;q=0.2, application/json", true))
                .isEqualTo(ApiFormats.JSON);
    }

    @Test
    void anythingElseIsAProblem() {
        assertThatThrownBy(() -> ApiFormats.choose("xml", null, true)).isInstanceOf(ApiProblemException.class)
                .hasMessage("Parameter 'format' must be json or geojson.");
        assertThatThrownBy(() -> ApiFormats.choose("geojson", null, false)).isInstanceOf(ApiProblemException.class);
        assertThatThrownBy(() -> ApiFormats.choose(null, "application/geo+json", false))
                .as("GeoJSON where the endpoint lists no places").isInstanceOf(ApiProblemException.class);
        assertThatThrownBy(() -> ApiFormats.choose(null, "text/csv", true))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ApiProblem.NOT_ACCEPTABLE));
        assertThatThrownBy(() -> ApiFormats.choose(null, "application/json;q=0", true))
                .isInstanceOf(ApiProblemException.class);
    }
}
