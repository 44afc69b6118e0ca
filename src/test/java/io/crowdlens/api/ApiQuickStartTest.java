package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.testing.OnH2OverHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five-minute start of docs/api.md, run exactly as written (the curl block with bash, the
 * Python script with python3) against a running portal, with a token created as a partner would.
 */
@OnH2OverHttp
class ApiQuickStartTest extends ApiTestBase {

    static final Path GUIDE = Path.of("docs", "api.md");

    @TempDir Path workdir;

    @Test
    void theCurlQuickStartRunsAsWritten() throws Exception {
        String block = block("curl", "bash");

        Run run = run(List.of("bash", "-euo", "pipefail", "-c", block));

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("\"dataset\":\"PRESENCE\"", "\"code\":\"" + ApiFixture.LAYER + "\"",
                "saved", "bytes to districts.geojson");
        JsonNode outlines = JsonMapper.shared().readTree(Files.readString(workdir.resolve("districts.geojson")));
        assertThat(outlines.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(outlines.get("features").size()).isEqualTo(3);
    }

    @Test
    void theFigureQuickStartRunsAsWritten() throws Exception {
        String block = block("figures", "bash");

        Run run = run(List.of("bash", "-euo", "pipefail", "-c", block));

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("\"yourMinimumCrowd\":15", "\"areaId\":" + f.north,
                "saved 4 lines (header and one row per area) to heatmap.csv");
        assertThat(Files.readString(workdir.resolve("heatmap.csv"))).startsWith("#metadata_lines,")
                .contains("area_id,area,average_devices_per_hour,average_devices_per_hour_margin95");
    }

    @Test
    void thePythonQuickStartRunsAsWritten() throws Exception {
        Path script = workdir.resolve("quickstart.py");
        Files.writeString(script, block("python", "python"));

        Run run = run(List.of("python3", script.toString()));

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("PRESENCE release", "VISITS release", "COMMUTING release",
                "presence days: " + ApiFixture.MON + " to " + ApiFixture.LAST,
                ApiFixture.LAYER + ": 3 areas, e.g. Centre, North, South",
                "outlines of 3 areas saved to " + ApiFixture.LAYER + ".geojson");
        assertThat(JsonMapper.shared().readTree(Files.readString(workdir.resolve(ApiFixture.LAYER + ".geojson")))
                .get("features").size()).isEqualTo(3);
    }

    /** The fenced block after {@code <!-- quickstart:NAME -->} in docs/api.md. */
    private static String block(String name, String language) throws IOException {
        String guide = Files.readString(GUIDE);
        Matcher block = Pattern.compile("<!-- quickstart:" + name + " -->\\s*```" + language + "\\n(.*?)```",
                Pattern.DOTALL).matcher(guide);
        assertThat(block.find()).as("docs/api.md has a %s quick start", name).isTrue();
        return block.group(1);
    }

    private record Run(int exit, String output) {
    }

    private Run run(List<String> command) throws Exception {
        String token = f.token(ApiFixture.ANA, "Quick start",
                java.util.EnumSet.of(ApiTokenScope.PRESENCE, ApiTokenScope.VISITS, ApiTokenScope.COMMUTING)).secret();
        Path log = Files.createTempFile(workdir, "output", ".txt");
        ProcessBuilder process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().put("CROWDLENS_URL", api.baseUrl());
        process.environment().put("CROWDLENS_TOKEN", token);
        Process running = process.start();
        boolean finished = running.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            running.destroyForcibly();
            throw new AssertionError(command.getFirst() + " did not finish in 120 s: " + output);
        }
        return new Run(running.exitValue(), output);
    }
}
