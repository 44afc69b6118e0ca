package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.RunFailedException;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.RunReport;
import io.crowdlens.pipeline.engine.EngineKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code pipeline run --drop DIR [--engine duckdb|postgres|trino] [--drop-tables CATALOG.SCHEMA] [--k N] [--rounding 5]}. */
@Component
class PipelineRunCommand implements CliCommand {

    private final PipelineRunner pipeline;

    PipelineRunCommand(PipelineRunner pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public List<String> words() {
        return List.of("pipeline", "run");
    }

    @Override
    public String usage() {
        return "--drop DIR [--engine duckdb|postgres|trino] [--drop-tables CATALOG.SCHEMA] [--k N] [--rounding 5] [--output DIR]";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("drop", "engine", "drop-tables", "k", "rounding", "output");
        RunOptions run = RunOptions.defaults().withProgress(new ConsoleProgress(out));
        try {
            if (options.get("engine").isPresent()) {
                run = run.withEngine(EngineKind.parse(options.required("engine")));
            }
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
        run = options.integer("k").map(run::withMinimumCrowd).orElse(run);
        run = options.integer("rounding").map(run::withRounding).orElse(run);
        run = options.get("output").map(Path::of).map(run::withOutputDirectory).orElse(run);
        run = options.get("drop-tables").map(run::withDropTables).orElse(run);
        try {
            RunReport report = pipeline.run(Path.of(options.required("drop")), run);
            out.println(report.fullReport());
            return CommandLine.OK;
        } catch (RunFailedException e) {
            err.println("pipeline run failed: " + oneLine(e.getMessage())
                    + (e.runFolder() == null ? "" : " (" + e.whereToLook() + ")"));
            return CommandLine.FAILED;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
