package io.crowdlens.pipeline.cli;

import io.crowdlens.pipeline.engine.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Progress of long steps as console lines: rows, rows per second and, when the engine can tell, an ETA. */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private long stepStarted;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void started(String step) {
        stepStarted = System.nanoTime();
        out.println(step + " ...");
    }

    @Override
    public synchronized void progress(String step, long rows, double fraction) {
        double seconds = elapsedSeconds();
        StringBuilder line = new StringBuilder(step).append(": ");
        if (fraction >= 0) {
            line.append(String.format(Locale.ROOT, "%.0f %%, ", fraction * 100));
        }
        line.append(String.format(Locale.ROOT, "%,d rows, %,.0f rows/s", rows, seconds > 0 ? rows / seconds : 0));
        if (fraction > 0.001) {
            line.append(", ETA ").append(format(Duration.ofMillis((long) (seconds * (1 - fraction) / fraction * 1000))));
        }
        out.println(line);
    }

    @Override
    public synchronized void finished(String step, long rows) {
        double seconds = elapsedSeconds();
        out.println(rows < 0 ? String.format(Locale.ROOT, "%s: done in %.1f s", step, seconds)
                : String.format(Locale.ROOT, "%s: done, %,d rows in %.1f s (%,.0f rows/s)", step, rows, seconds,
                        seconds > 0 ? rows / seconds : 0));
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - stepStarted) / 1e9;
    }

    private static String format(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
