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
 * A drop staged and classified in an engine, as a run has it when its products start: for tests of a
 * product's engine queries (home/work, commuting, visits) on either engine. Closing it deletes the
 * engine's scratch space.
 */
public final class ClassifiedDrop implements AutoCloseable {

    private final PipelineEngine engine;
    private final RunInputs inputs;
    private final FileCounts events;

    private ClassifiedDrop(PipelineEngine engine, RunInputs inputs, FileCounts events) {
        this.engine = engine;
        this.inputs = inputs;
        this.events = events;
    }

    public static ClassifiedDrop of(EngineKind kind, Path drop, Path output) {
        DropFiles files = DropFiles.in(drop);
        Manifest manifest = ManifestReader.read(files.manifest());
        Path quarantine = output.resolve("quarantine");
        CellReader.Cells cells;
        try (QuarantineFile cellQuarantine = new QuarantineFile(quarantine, "cells.csv")) {
            cells = CellReader.read(files.cells(), cellQuarantine);
        }
        Geography geography = Geography.of(AreaReader.read(files.areas()), cells.cells(), manifest.h3Resolution());
        PipelineEngine engine = EngineHarness.open(kind, output.resolve("scratch"), drop);
        try {
            DropProcessing processing = new DropProcessing(engine, manifest);
            processing.stage(files, cells.cells(), geography);
            FileCounts events = processing.validateEvents(files, quarantine);
            RunInputs inputs = new RunInputs(files, manifest, cells.cells(), geography, quarantine, ProgressListener.SILENT);
            return new ClassifiedDrop(engine, inputs, events);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public PipelineEngine engine() {
        return engine;
    }

    public RunInputs inputs() {
        return inputs;
    }

    public FileCounts events() {
        return events;
    }

    @Override
    public void close() {
        engine.close();
    }
}
