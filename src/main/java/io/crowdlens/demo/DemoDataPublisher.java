package io.crowdlens.demo;

import static io.crowdlens.db.Tables.DATA_RELEASE;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.RunFailedException;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.RunReport;
import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSummary;
import io.crowdlens.pipeline.engine.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Demo mode's first start: generate the synthetic drop and run the real pipeline on it, so the
 * portal has a published release to show. Runs in the background (the portal is usable at once and
 * says "no data published yet" until it finishes), with progress in the console.
 */
@Component
@ConditionalOnBooleanProperty("crowdlens.demo.enabled")
class DemoDataPublisher {

    private static final Logger log = LoggerFactory.getLogger(DemoDataPublisher.class);

    private final DSLContext db;
    private final PipelineRunner pipeline;
    private final DemoDataSettings settings;

    DemoDataPublisher(DSLContext db, PipelineRunner pipeline, DemoDataSettings settings) {
        this.db = db;
        this.pipeline = pipeline;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void publishOnFirstStart() {
        if (!settings.publish()) {
            return;
        }
        if (db.fetchExists(DATA_RELEASE, DATA_RELEASE.DATASET.eq(Dataset.PRESENCE.name()))) {
            return;
        }
        Thread worker = new Thread(this::generateAndPublish, "demo-data");
        worker.setDaemon(true);
        worker.start();
    }

    void generateAndPublish() {
        try {
            Path drop = generatedDrop();
            log.info("Demo data: running the pipeline on {}", drop);
            RunReport report = pipeline.run(drop, RunOptions.defaults().withProgress(new LoggedProgress()));
            log.info("Demo data published. {}", report.summary());
        } catch (RunFailedException | UncheckedIOException | IllegalArgumentException e) {
            log.error("Demo data could not be published: {}", e.getMessage());
        }
    }

    /** Generated into a temporary folder and moved into place, so a killed start never leaves half a drop. */
    private Path generatedDrop() {
        Path target = settings.directory().toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            return target;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            FileSystemUtils.deleteRecursively(partial);
            Files.createDirectories(target.getParent());
            log.info("Demo data: generating a synthetic drop of {} devices over {} days",
                    settings.devices(), settings.days());
            DemoDropSummary summary = DemoDropGenerator.write(settings.spec(), partial,
                    (done, total, rows) -> {
                        if (done % 2_000 == 0 || done == total) {
                            log.info(String.format(Locale.ROOT, "Demo data: %,d of %,d devices, %,d event rows",
                                    done, total, rows));
                        }
                    });
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.info(String.format(Locale.ROOT, "Demo data: drop written, %,d event rows in %.1f s",
                    summary.eventRows(), summary.duration().toMillis() / 1000.0));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo drop under " + target, e);
        }
    }

    /** The pipeline's long steps, as console log lines. */
    private static final class LoggedProgress implements ProgressListener {
        private long lastLogged;

        @Override
        public void started(String step) {
            log.info("Demo data: {} ...", step);
        }

        @Override
        public void progress(String step, long rows, double fraction) {
            long now = System.nanoTime();
            if (now - lastLogged > 2_000_000_000L) {
                lastLogged = now;
                log.info(String.format(Locale.ROOT, "Demo data: %s: %,d rows%s", step, rows,
                        fraction >= 0 ? String.format(Locale.ROOT, " (%.0f %%)", fraction * 100) : ""));
            }
        }

        @Override
        public void finished(String step, long rows) {
            log.info(rows < 0 ? "Demo data: " + step + " done"
                    : String.format(Locale.ROOT, "Demo data: %s done, %,d rows", step, rows));
        }
    }
}
