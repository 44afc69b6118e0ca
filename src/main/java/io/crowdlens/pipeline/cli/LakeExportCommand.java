package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.engine.DropTables;
import io.crowdlens.pipeline.lake.LakeExport;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code pipeline lake-export --drop DIR --out DIR [--tables CATALOG.SCHEMA --location URI]}: writes a
 * CSV drop's events and opt-outs as Parquet for the trino engine (docs/pipeline.md, "The trino engine"),
 * and with --tables and --location prints the DDL that registers the upload in a Hive catalog.
 */
@Component
class LakeExportCommand implements CliCommand {

    @Override
    public List<String> words() {
        return List.of("pipeline", "lake-export");
    }

    @Override
    public String usage() {
        return "--drop DIR --out DIR [--tables CATALOG.SCHEMA --location URI]";
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        options.allowOnly("drop", "out", "tables", "location");
        Path drop = Path.of(options.required("drop"));
        Path target = Path.of(options.required("out"));
        Optional<String> tables = options.get("tables");
        Optional<String> location = options.get("location");
        if (tables.isPresent() != location.isPresent()) {
            throw new Options.UsageException("--tables and --location go together");
        }
        DropTables named;
        try {
            named = tables.map(DropTables::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
        LakeExport.Summary summary;
        try {
            summary = LakeExport.write(drop, target);
        } catch (DropException | UncheckedIOException | IllegalStateException e) {
            err.println("pipeline lake-export failed: " + e.getMessage());
            return CommandLine.FAILED;
        }
        out.printf("Wrote %d events, %d malformed lines and %d opt-outs as Parquet to %s%n", summary.events(),
                summary.malformed(), summary.optOuts(), target);
        if (named != null) {
            out.println("Upload the folder to " + location.get() + " and register it:");
            LakeExport.createTables(named, location.get()).forEach(sql -> out.println(sql + ";"));
        }
        return CommandLine.OK;
    }
}
