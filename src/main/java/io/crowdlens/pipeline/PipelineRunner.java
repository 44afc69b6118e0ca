package io.crowdlens.pipeline;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.drop.CellReader;
import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.drop.ManifestReader;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.publish.OptOutListRegister;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import io.crowdlens.pipeline.publish.ReleaseDraft;
import io.crowdlens.pipeline.publish.ReleasePublisher;
import io.crowdlens.pipeline.publish.ReleasePublisher.ProductRelease;
import io.crowdlens.privacy.PrivacySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * From an operator's drop to published releases: read and check the drop, stage it in the engine,
 * classify every event (reject, opt out or accept, re-keying device ids), let each {@link DataProduct}
 * (presence, visits, ...) aggregate, protect with k, publish one release per product in one transaction. Any failure publishes nothing, and the engine's scratch space
 * (the only place per-device rows ever exist) is deleted whatever happens.
 */
@Service
public class PipelineRunner {

    private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);

    private final PipelineSettings settings;
    private final PrivacySettings privacy;
    private final Engines engines;
    private final ReleasePublisher publisher;
    private final Clock clock;
    private final List<DataProduct> products;
    private final OptOutListRegister optOutLists;

    PipelineRunner(PipelineSettings settings, PrivacySettings privacy, Engines engines, ReleasePublisher publisher,
            Clock clock, List<DataProduct> products, OptOutListRegister optOutLists) {
        this.products = List.copyOf(products);
        this.optOutLists = optOutLists;
        this.settings = settings;
        this.privacy = privacy;
        this.engines = engines;
        this.publisher = publisher;
        this.clock = clock;
    }

    public RunReport run(Path dropDirectory, RunOptions options) {
        try {
            return runOrThrow(dropDirectory, options);
        } catch (RunFailedException e) {
            throw e;
        } catch (DropException | IllegalArgumentException e) {
            throw new RunFailedException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RunFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private RunReport runOrThrow(Path dropDirectory, RunOptions options) {
        long started = clock.millis();
        EngineKind engineKind = options.engine() != null ? options.engine() : EngineKind.parse(settings.engine());
        Protection protection = new Protection(
                options.minimumCrowd() != null ? options.minimumCrowd() : privacy.minimumCrowd(), options.rounding());
        double maxRejectRate = options.maxRejectRate() != null ? options.maxRejectRate() : settings.maxRejectRate();

        // on trino the events and opt-outs are tables; the folder holds the manifest and reference files
        DropFiles files = engineKind == EngineKind.TRINO ? DropFiles.referenceFilesIn(dropDirectory) : DropFiles.in(dropDirectory);
        Manifest manifest = ManifestReader.read(files.manifest());
        List<Area> areas = AreaReader.read(files.areas());
        Path output = outputDirectory(options, manifest);
        try {
            RunReport report = process(files, manifest, areas, output, engineKind, protection, maxRejectRate, options,
                    started);
            writeReport(output, report.summary());
            return report;
        } catch (RuntimeException e) {
            writeReport(output, "FAILED: " + e.getMessage());
            throw e;
        }
    }

    private RunReport process(DropFiles files, Manifest manifest, List<Area> areas, Path output, EngineKind engineKind,
            Protection protection, double maxRejectRate, RunOptions options, long started) {
        Path quarantine = output.resolve("quarantine");
        CellReader.Cells cells;
        try (QuarantineFile cellQuarantine = new QuarantineFile(quarantine, "cells.csv")) {
            cells = CellReader.read(files.cells(), cellQuarantine);
        }
        failAboveLimit(cells.counts(), maxRejectRate);
        Geography geography = Geography.of(areas, cells.cells(), manifest.h3Resolution());
        RunInputs inputs = new RunInputs(files, manifest, cells.cells(), geography, quarantine, options.progress());
        Map<DataProduct, ProductRun> planned = new LinkedHashMap<>();
        for (DataProduct product : products) {
            product.plan(inputs).ifPresent(run -> planned.put(product, run));
        }

        FileCounts events;
        long optOuts;
        long validated;
        List<ProductRelease> releases = new ArrayList<>();
        List<RunReport.PublishedRelease> reported = new ArrayList<>();
        try (PipelineEngine engine = engines.open(engineKind, output.resolve("scratch"), options.progress(), options.dropTables())) {
            DropProcessing processing = new DropProcessing(engine, manifest);
            optOuts = processing.stage(files, cells.cells(), geography);
            events = processing.validateEvents(files, quarantine);
            log.info("Drop {}: {}", manifest.dropId(), events);
            failAboveLimit(events, maxRejectRate);
            validated = clock.millis();
            for (ProductRun run : planned.values()) {
                long aggregating = clock.millis();
                ProductAggregates aggregates = run.aggregate(engine);
                PublishableAggregates safe = aggregates.protect(protection);
                long millis = clock.millis() - aggregating;
                releases.add(new ProductRelease(safe, millis));
                reported.add(new RunReport.PublishedRelease(safe.dataset(), 0, aggregates.rows(), safe.publishedRows(),
                        safe.suppressedRows(), millis));
            }
        }

        // the list has arrived whatever happens next: releases honouring an older one are stale from now
        optOutLists.register(manifest.optOutListVersion(), optOuts, "pipeline run of drop " + manifest.dropId());
        ReleaseDraft draft = new ReleaseDraft(manifest.dropId(), manifest.periodFrom(), manifest.periodTo(),
                manifest.timeZone().getId(), protection.minimumCrowd(), protection.rounding(),
                manifest.optOutListVersion(), events.read(), events.accepted(), events.rejectedTotal(),
                events.optedOut(), engineKind.code(), validated - started);
        long publishStarted = clock.millis();
        options.progress().started("Publishing");
        Map<Dataset, Long> releaseIds = publisher.publish(draft, geography, releases, settings.keepReleases(),
                publishStarted);
        options.progress().finished("Publishing", releases.stream().mapToLong(r -> r.aggregates().publishedRows()).sum());
        long published = clock.millis();
        return new RunReport(manifest.dropId(), engineKind, events, cells.counts(), optOuts,
                reported.stream().map(r -> new RunReport.PublishedRelease(r.dataset(), releaseIds.get(r.dataset()),
                        r.aggregateRows(), r.publishedRows(), r.suppressedRows(), r.aggregateMillis())).toList(),
                protection.minimumCrowd(), protection.rounding(), validated - started, published - publishStarted,
                output, Stream.of(manifest.rowCountMismatch(events), manifest.rowCountMismatch(cells.counts()))
                        .flatMap(Optional::stream).toList());
    }

    /** run-report.txt in the run's folder: what the console said, for the operator's records. */
    private static void writeReport(Path output, String text) {
        try {
            Files.writeString(output.resolve("run-report.txt"), text + System.lineSeparator());
        } catch (IOException e) {
            log.warn("Could not write the run report to {}: {}", output, e.getMessage());
        }
    }

    private static void failAboveLimit(FileCounts counts, double maxRejectRate) {
        if (counts.rejectRate() > maxRejectRate) {
            throw new RunFailedException(String.format(Locale.ROOT,
                    "%s: %d of %d rows rejected (%.2f %%), above the limit of %.2f %% %s; see the quarantine folder",
                    counts.input(), counts.rejectedTotal(), counts.read(), 100 * counts.rejectRate(), 100 * maxRejectRate,
                    counts.rejected()));
        }
    }

    private Path outputDirectory(RunOptions options, Manifest manifest) {
        Path directory = options.outputDirectory() != null ? options.outputDirectory()
                : settings.outputDirectory().resolve(manifest.dropId().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                        + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the run's output folder " + directory, e);
        }
    }
}
