package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.demo.DemoDropFormat;
import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.demo.DemoDropSummary;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code pipeline demo-drop --out DIR [--devices N] [--days D] [--seed S] [--format csv|parquet]}. */
@Component
class DemoDropCommand implements CliCommand {

    @Override
    public List<String> words() {
        return List.of("pipeline", "demo-drop");
    }

    @Override
    public String usage() {
        return "--out DIR [--devices N] [--days D] [--seed S] [--format csv|parquet]";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("out", "devices", "days", "seed", "format");
        DemoDropSpec defaults = DemoDropSpec.defaults();
        DemoDropSpec spec;
        try {
            spec = defaults
                    .withDevices(options.integer("devices").orElse(defaults.devices()))
                    .withDays(options.integer("days").orElse(defaults.days()))
                    .withSeed(options.get("seed").map(Long::parseLong).orElse(defaults.seed()))
                    .withFormat(options.get("format").map(f -> DemoDropFormat.valueOf(f.toUpperCase(Locale.ROOT)))
                            .orElse(defaults.format()));
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
        Path target = Path.of(options.required("out"));
        try {
            DemoDropSummary summary = DemoDropGenerator.write(spec, target, (done, total, rows) -> out.println(
                    String.format(Locale.ROOT, "demo drop: %,d of %,d devices, %,d event rows", done, total, rows)));
            out.println(String.format(Locale.ROOT,
                    "Demo drop %s written to %s: %,d devices, %,d cells, %d districts, %,d event rows "
                            + "(%,d deliberately bad), %,d opt-outs, in %.1f s",
                    summary.dropId(), target, summary.devices(), summary.cells(), summary.districts(),
                    summary.eventRows(), summary.totalBadRows(), summary.optOuts(),
                    summary.duration().toMillis() / 1000.0));
            return CommandLine.OK;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("pipeline demo-drop failed: " + e.getMessage());
            return CommandLine.FAILED;
        }
    }
}
