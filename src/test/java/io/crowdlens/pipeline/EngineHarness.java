package io.crowdlens.pipeline;

import io.crowdlens.privacy.PrivacySettings;

import io.crowdlens.pipeline.drop.CellReader;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.drop.ManifestReader;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.engine.DropTables;
import io.crowdlens.pipeline.engine.DuckDbEngine;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.PostgresEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.engine.TrinoEngine;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.presence.PresenceCount;
import io.crowdlens.pipeline.presence.PresenceProduct;
import io.crowdlens.testing.EmbeddedPostgres;
import io.crowdlens.testing.TrinoCluster;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/** Runs the engine part of the pipeline (no protection, no publishing) on a drop, on any engine. */
final class EngineHarness {

    record Result(FileCounts events, List<PresenceCount> presence) {
    }

    private static DataSource postgres;

    private EngineHarness() {
    }

    static Result aggregate(EngineKind kind, Path drop, Path output) {
        try (PipelineEngine engine = open(kind, output.resolve("scratch"), drop)) {
            return aggregate(engine, drop, output);
        }
    }

    /** On an engine already open (e.g. Trino with drop tables of the test's own making). */
    static Result aggregate(PipelineEngine engine, Path drop, Path output) {
        DropFiles files = DropFiles.in(drop);
        Manifest manifest = ManifestReader.read(files.manifest());
        CellReader.Cells cells;
        try (QuarantineFile quarantine = new QuarantineFile(output.resolve("quarantine"), "cells.csv")) {
            cells = CellReader.read(files.cells(), quarantine);
        }
        Geography geography = Geography.of(AreaReader.read(files.areas()), cells.cells(), manifest.h3Resolution());
        DropProcessing processing = new DropProcessing(engine, manifest);
        processing.stage(files, cells.cells(), geography);
        FileCounts events = processing.validateEvents(files, output.resolve("quarantine"));
        return new Result(events, PresenceProduct.count(engine, PrivacySettings.Bounds.defaults(), ProgressListener.SILENT));
    }

    /** @param drop the drop folder: on Trino its events and opt-outs are first put into the test cluster's lake */
    static PipelineEngine open(EngineKind kind, Path scratch, Path drop) {
        return switch (kind) {
            case DUCKDB -> new DuckDbEngine(scratch, ProgressListener.SILENT, "1GB", 0);
            case POSTGRES -> new PostgresEngine(postgres(), ProgressListener.SILENT);
            case TRINO -> new TrinoEngine(TrinoCluster.shared().settings(),
                    DropTables.parse(TrinoCluster.shared().publishDrop(drop)), ProgressListener.SILENT);
        };
    }

    static synchronized DataSource postgres() {
        if (postgres == null) {
            EmbeddedPostgres.createDatabase("pipeline_engine");
            postgres = EmbeddedPostgres.server().getDatabase("postgres", "pipeline_engine");
        }
        return postgres;
    }
}
