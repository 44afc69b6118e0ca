package io.crowdlens.pipeline;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.drop.CellReader;
import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.DropLimits;
import io.crowdlens.pipeline.drop.EventFileScan;
import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.drop.ManifestReader;
import io.crowdlens.pipeline.drop.OptOutFile;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.NoisePlan;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.protect.RunCost;
import io.crowdlens.pipeline.publish.OptOutListRegister;
import io.crowdlens.pipeline.publish.PrivacyLedger;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import io.crowdlens.pipeline.publish.ReleaseDraft;
import io.crowdlens.pipeline.publish.ReleasePublisher;
import io.crowdlens.pipeline.publish.ReleasePublisher.ProductRelease;
import io.crowdlens.pipeline.quality.InputProfile;
import io.crowdlens.pipeline.quality.QualityChecks;
import io.crowdlens.pipeline.quality.QualityReport;
import io.crowdlens.pipeline.quality.QualitySettings;
import io.crowdlens.pipeline.scratch.RunLock;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.privacy.noise.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * From an operator's drop to published releases: read and check the drop, stage it in the engine,
 * classify every event (reject, opt out or accept, re-keying device ids), let each {@link DataProduct}
 * (presence, visits, ...) aggregate, protect with k, check the run's data quality, publish one release
 * per product in one transaction. Any failure publishes nothing, and the engine's scratch space
 * (the only place per-device rows ever exist) is deleted whatever happens. A product with no figure
 * to publish (a drop too small to pass k anywhere, or one that does not carry the product) publishes
 * nothing and leaves its served release alone; a run whose quality checks fail is held for review
 * (docs/decisions/031-held-releases-and-quality-report.md).
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
    private final PrivacyLedger ledger;
    private final QualitySettings quality;

    PipelineRunner(PipelineSettings settings, PrivacySettings privacy, Engines engines, ReleasePublisher publisher,
            Clock clock, List<DataProduct> products, OptOutListRegister optOutLists, PrivacyLedger ledger) {
        this(settings, privacy, engines, publisher, clock, products, optOutLists, ledger, QualitySettings.DEFAULTS);
    }

    @Autowired
    PipelineRunner(PipelineSettings settings, PrivacySettings privacy, Engines engines, ReleasePublisher publisher,
            Clock clock, List<DataProduct> products, OptOutListRegister optOutLists, PrivacyLedger ledger,
            QualitySettings quality) {
        this.quality = quality;
        this.products = List.copyOf(products);
        this.optOutLists = optOutLists;
        this.ledger = ledger;
        this.settings = settings;
        this.privacy = privacy;
        this.engines = engines;
        this.publisher = publisher;
        this.clock = clock;
    }

    public RunReport run(Path dropDirectory, RunOptions options) {
        engines.sweepScratch();
        RunFolder folder = new RunFolder();
        try {
            return runOrThrow(dropDirectory, options, folder);
        } catch (RuntimeException | OutOfMemoryError e) {
            RunFailedException failed = failure(e, folder.path());
            if (folder.path() != null) {
                writeReport(folder.path(), "FAILED: " + failed.getMessage());
            }
            throw failed;
        } finally {
            folder.release();
        }
    }

    private RunFailedException failure(Throwable e, Path output) {
        if (e instanceof RunFailedException failed) {
            return failed.runFolder() != null || output == null ? failed : failed.in(output);
        }
        String environment = FailureReasons.of(e, settings);
        if (environment != null) {
            return new RunFailedException(environment, e).in(output);
        }
        String message = e instanceof DropException || e instanceof IllegalArgumentException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new RunFailedException(message, e).in(output);
    }

    private RunReport runOrThrow(Path dropDirectory, RunOptions options, RunFolder folder) {
        long started = clock.millis();
        EngineKind engineKind = options.engine() != null ? options.engine() : EngineKind.parse(settings.engine());
        NoisePlan noise = options.withoutNoiseReason() != null ? NoisePlan.none(options.withoutNoiseReason())
                : NoisePlan.of(privacy.noise());
        noise.withoutNoiseReason().ifPresent(reason -> log.warn(
                "This run publishes EXACT figures without noise ({}): its releases say so wherever they are shown", reason));
        Protection protection = new Protection(
                options.minimumCrowd() != null ? options.minimumCrowd() : privacy.minimumCrowd(), options.rounding(),
                noise, options.random() != null ? options.random() : RandomSource.secure());
        double maxRejectRate = options.maxRejectRate() != null ? options.maxRejectRate() : settings.maxRejectRate();

        Manifest manifest;
        DropFiles files;
        DropLimits limits = settings.limits().drop();
        // on trino the events and opt-outs are tables; the folder holds the manifest and reference files
        boolean eventsInTables = engineKind == EngineKind.TRINO;
        try {
            files = eventsInTables ? DropFiles.referenceFilesIn(dropDirectory) : DropFiles.in(dropDirectory, limits);
            manifest = ManifestReader.read(files.manifest());
        } catch (RuntimeException e) {
            // the run's folder is named after the drop's id; without a manifest, after its directory (a drop
            // that is not there at all has nothing to report)
            if (Files.isDirectory(dropDirectory)) {
                folder.set(outputDirectory(options, String.valueOf(dropDirectory.toAbsolutePath().normalize().getFileName())));
            }
            throw e;
        }
        Path output = folder.set(outputDirectory(options, manifest.dropId()));
        long days = ChronoUnit.DAYS.between(manifest.periodFrom(), manifest.periodTo()) + 1;
        if (days > limits.maxPeriodDays()) {
            throw DropLimits.exceeded("manifest.json: the period " + manifest.periodFrom() + ".." + manifest.periodTo()
                    + " is " + days + " days", "max-period-days", limits.maxPeriodDays() + " days");
        }
        Map<Path, Long> csvRows = Map.of();
        if (!eventsInTables) {
            EventFileScan.Result scan = EventFileScan.scan(files, limits);
            csvRows = scan.csvRows();
            files = files.withEventScan(scan);
            OptOutFile.Content optOutList = OptOutFile.content(files.optOuts());
            optOutLists.refuseOtherContent(manifest.optOutListVersion(), optOutList.devices(), optOutList.digest());
        }
        List<Area> areas = AreaReader.read(files.areas(), limits);
        RunReport report = process(files, manifest, areas, output, engineKind, protection, maxRejectRate, options,
                started, csvRows);
        writeReport(output, report.fullReport());
        return report;
    }

    /**
     * The run's output folder, once it is known (a failure names it), locked while the run lives so that
     * no other run writes its quarantine and report into it.
     */
    private static final class RunFolder {
        private Path path;
        private RunLock lock;

        Path set(Path folder) {
            path = folder;
            lock = RunLock.tryAcquire(folder).orElseThrow(() -> new RunFailedException("the output folder " + folder
                    + " is in use by another run that is still alive (" + RunLock.holder(folder)
                    + "); give another --output or wait for it to end"));
            return folder;
        }

        Path path() {
            return lock == null ? null : path;
        }

        void release() {
            if (lock != null) {
                lock.close();
                try {
                    Files.deleteIfExists(path.resolve(RunLock.FILE));
                } catch (IOException e) {
                    log.debug("Could not remove the lock file of {}: {}", path, e.getMessage());
                }
            }
        }
    }

    private RunReport process(DropFiles files, Manifest manifest, List<Area> areas, Path output, EngineKind engineKind,
            Protection protection, double maxRejectRate, RunOptions options, long started, Map<Path, Long> csvRows) {
        Path quarantine = output.resolve("quarantine");
        CellReader.Cells cells;
        try (QuarantineFile cellQuarantine = new QuarantineFile(quarantine, "cells.csv")) {
            cells = CellReader.read(files.cells(), cellQuarantine);
        }
        failAboveLimit(cells.counts(), maxRejectRate);
        Geography geography = Geography.of(areas, cells.cells(), manifest.h3Resolution(), settings.geography().limits());
        RunInputs inputs = new RunInputs(files, manifest, cells.cells(), geography, quarantine, options.progress());
        Map<DataProduct, ProductRun> planned = new LinkedHashMap<>();
        for (DataProduct product : products) {
            product.plan(inputs).ifPresent(run -> planned.put(product, run));
        }
        // the accountant first: a run the budget does not allow is refused before any event is read
        List<FamilyCost> costs = planned.values().stream().flatMap(run -> run.costs().stream()).toList();
        RunCost cost = RunCost.ofFamilies(costs, protection);
        List<String> budgetWarnings = new ArrayList<>();
        double ceiling = privacy.budget().ceilingPerRelease();
        if (protection.plan().noisy() && cost.perUnit() > ceiling) {
            // more layers or products than the configured sigma was chosen for: more noise, never a bigger budget
            double factor = Math.sqrt(cost.perUnit() / ceiling);
            RunCost configured = cost;
            protection = protection.withPlan(protection.plan().scaled(factor));
            cost = RunCost.ofFamilies(costs, protection);
            budgetWarnings.add(String.format(Locale.ROOT, "Noise raised to stay within the budget: at the configured"
                    + " sigma this run's %d figure families would cost rho = %.4f per device-day, above the ceiling of"
                    + " %.4f (crowdlens.privacy.budget.ceiling-per-release), so every sigma was multiplied by %.3f and"
                    + " the run costs rho = %.4f.", costs.size(), configured.perUnit(), ceiling, factor, cost.perUnit()));
            budgetWarnings.forEach(log::warn);
        }
        ledger.check(manifest.periodFrom(), manifest.periodTo(), cost);

        FileCounts events;
        long optOuts;
        long validated;
        InputProfile profile;
        List<ProductRelease> releases = new ArrayList<>();
        List<RunReport.PublishedRelease> reported = new ArrayList<>();
        List<QualityChecks.ProductFigures> figures = new ArrayList<>();
        List<String> nothingToPublish = new ArrayList<>();
        List<PublishableAggregates> unpublished = new ArrayList<>();
        try (PipelineEngine engine = engines.open(engineKind, options.progress(), options.dropTables())) {
            DropProcessing processing = new DropProcessing(engine, manifest);
            optOuts = processing.stage(files, cells.cells(), geography);
            events = processing.validateEvents(files, quarantine);
            log.info("Drop {}: {}", manifest.dropId(), events);
            failAboveLimit(events, maxRejectRate);
            long profiling = clock.millis();
            profile = InputProfile.of(engine, files.directory(), csvRows, files.eventRowsCounted())
                    .withPeriod(manifest.periodFrom(), manifest.periodTo());
            log.info("Drop {}: quality counts (per cell, day and file) in {} ms", manifest.dropId(),
                    clock.millis() - profiling);
            validated = clock.millis();
            for (ProductRun run : planned.values()) {
                long aggregating = clock.millis();
                ProductAggregates aggregates = run.aggregate(engine);
                PublishableAggregates safe = aggregates.protect(protection);
                long millis = clock.millis() - aggregating;
                boolean publishes = safe.publishedRows() > 0;
                figures.add(new QualityChecks.ProductFigures(safe.dataset(), safe.publishedRows(), safe.suppressedRows(),
                        publishes));
                if (!publishes) {
                    // an empty release would replace the served one with nothing: publish none
                    nothingToPublish.add(safe.dataset().label() + ": no figure of its grid reaches k = "
                            + protection.minimumCrowd() + " (" + aggregates.rows() + " counted, " + safe.suppressedRows()
                            + " suppressed), so no " + safe.dataset().label().toLowerCase(Locale.ROOT)
                            + " release is published and the served one stays");
                    unpublished.add(safe);
                    continue;
                }
                releases.add(new ProductRelease(safe, millis));
                reported.add(new RunReport.PublishedRelease(safe.dataset(), 0, aggregates.rows(), safe.publishedRows(),
                        safe.suppressedRows(), millis));
            }
        }

        // the list has arrived whatever happens next: releases honouring an older one are stale from now
        if (Files.isRegularFile(files.optOuts())) {
            OptOutFile.Content list = OptOutFile.content(files.optOuts());
            optOutLists.register(manifest.optOutListVersion(), list.devices(), list.digest(),
                    "pipeline run of drop " + manifest.dropId());
        } else {
            // opt-outs from a table of the trino engine: their number is known, their digest is not taken
            optOutLists.register(manifest.optOutListVersion(), optOuts, "pipeline run of drop " + manifest.dropId());
        }
        ReleaseDraft draft = new ReleaseDraft(UUID.randomUUID().toString(), manifest.dropId(), manifest.periodFrom(),
                manifest.periodTo(), manifest.timeZone().getId(), protection.minimumCrowd(), protection.rounding(),
                manifest.optOutListVersion(), events.read(), events.accepted(), events.rejectedTotal(),
                events.optedOut(), engineKind.code(), validated - started,
                protection.plan().noisy() ? "DISCRETE_GAUSSIAN" : "NONE", privacy.budget().delta());
        Optional<QualityChecks.Baseline> baseline = releases.isEmpty() ? Optional.empty()
                : publisher.servedDays(releases.stream().map(r -> r.aggregates().dataset())
                        .filter(d -> d == Dataset.PRESENCE).findFirst()
                        .orElse(releases.getFirst().aggregates().dataset()));
        QualityReport quality = new QualityChecks(this.quality).report(events, cells.counts(), profile, geography,
                cells.cells(), baseline, figures, List.of("k = " + protection.minimumCrowd()
                        + (protection.rounding() > 1 ? ", rounded to " + protection.rounding() : ""),
                        privacyLine(protection, cost)));
        long publishStarted = clock.millis();
        Map<Dataset, Long> releaseIds = Map.of();
        if (!releases.isEmpty()) {
            options.progress().started("Publishing");
            releaseIds = publisher.publish(draft, geography, releases, settings.keepReleases(), publishStarted,
                    new ReleasePublisher.Review(!quality.passed(), quality.holdReasons(), quality.text(), quality.days(),
                            unpublished));
            options.progress().finished("Publishing",
                    releases.stream().mapToLong(r -> r.aggregates().publishedRows()).sum());
        } else {
            publisher.bookUnpublished(draft, unpublished);
        }
        Map<Dataset, Long> ids = releaseIds;
        long published = clock.millis();
        return new RunReport(manifest.dropId(), engineKind, events, cells.counts(), optOuts,
                reported.stream().map(r -> new RunReport.PublishedRelease(r.dataset(), ids.get(r.dataset()),
                        r.aggregateRows(), r.publishedRows(), r.suppressedRows(), r.aggregateMillis())).toList(),
                protection.minimumCrowd(), protection.rounding(), validated - started, published - publishStarted,
                output, Stream.of(manifest.rowCountMismatch(events), manifest.rowCountMismatch(cells.counts()))
                        .flatMap(Optional::stream).toList(), privacyLine(protection, cost))
                .withWarnings(geography.warnings()).withWarnings(events.explanations()).withWarnings(budgetWarnings)
                .withWarnings(nothingToPublish).withQuality(quality);
    }

    private String privacyLine(Protection protection, RunCost cost) {
        return protection.plan().withoutNoiseReason()
                .map(reason -> "Privacy: published WITHOUT noise (" + reason + ")")
                .orElseGet(() -> String.format(Locale.ROOT, "Privacy: discrete Gaussian noise on every figure, added once;"
                                + " rho = %.4f per device-day (epsilon %.2f at delta %.0e), %.4f of it for figures of the"
                                + " whole period", cost.perUnit(), cost.epsilonPerUnit(privacy.budget().delta()),
                        privacy.budget().delta(), cost.periodLevel()));
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
                    "%s: %d of %d rows rejected (%.2f %%), above the limit of %.2f %% %s; see the quarantine folder%s",
                    counts.input(), counts.rejectedTotal(), counts.read(), 100 * counts.rejectRate(), 100 * maxRejectRate,
                    counts.rejected(), counts.explanations().stream().map(e -> "; " + e).collect(Collectors.joining())));
        }
    }

    /**
     * The given folder, or a new one under the configured directory named after the drop and the time,
     * with -2, -3, ... when runs of the same drop start within the same second (created atomically, so
     * two runs never share one).
     */
    private Path outputDirectory(RunOptions options, String dropId) {
        if (options.outputDirectory() != null) {
            try {
                return Files.createDirectories(options.outputDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the run's output folder " + options.outputDirectory(), e);
            }
        }
        String base = dropId.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            Files.createDirectories(settings.outputDirectory());
            for (int n = 1; ; n++) {
                Path candidate = settings.outputDirectory().resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(candidate);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // another run of this drop started in the same second
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the run's output folder under " + settings.outputDirectory(), e);
        }
    }
}
