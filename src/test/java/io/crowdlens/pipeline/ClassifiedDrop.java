package io.crowdlens.pipeline;

import io.crowdlens.pipeline.drop.CellReader;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.drop.ManifestReader;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import java.nio.file.Path;

/**
 * A drop staged and classified in an open engine, as a product's aggregation sees it, for tests of
 * products outside this package. Closing it deletes the engine's scratch space.
 */
public record ClassifiedDrop(PipelineEngine engine, RunInputs inputs, FileCounts events) implements AutoCloseable {

    public static ClassifiedDrop open(EngineKind kind, Path drop, Path output) {
        DropFiles files = DropFiles.in(drop);
        Manifest manifest = ManifestReader.read(files.manifest());
        Path quarantine = output.resolve("quarantine");
        CellReader.Cells cells;
        try (QuarantineFile cellQuarantine = new QuarantineFile(quarantine, "cells.csv")) {
            cells = CellReader.read(files.cells(), cellQuarantine);
        }
        Geography geography = Geography.of(AreaReader.read(files.areas()), cells.cells(), manifest.h3Resolution());
        RunInputs inputs = new RunInputs(files, manifest, cells.cells(), geography, quarantine, ProgressListener.SILENT);
        PipelineEngine engine = EngineHarness.open(kind, output.resolve("scratch"));
        try {
            DropProcessing processing = new DropProcessing(engine, manifest);
            processing.stage(files, cells.cells(), geography);
            return new ClassifiedDrop(engine, inputs, processing.validateEvents(files, quarantine));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
