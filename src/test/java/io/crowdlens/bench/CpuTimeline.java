package io.crowdlens.bench;

import io.crowdlens.pipeline.engine.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a run's CPU time goes: the process CPU time (all threads, DuckDB's included) and wall time at
 * every start and end of a step the pipeline reports, so the time between two marks can be charged to
 * a step or to what runs between steps (quarantine files, publishing).
 */
final class CpuTimeline implements ProgressListener {

    private record Mark(String label, double cpuSeconds, double wallSeconds) {
    }

    private final List<Mark> marks = new ArrayList<>();

    CpuTimeline() {
        mark("run started");
    }

    @Override
    public synchronized void started(String step) {
        mark(step + " started");
    }

    @Override
    public synchronized void finished(String step, long rows) {
        mark(step + " finished");
    }

    synchronized void mark(String label) {
        marks.add(new Mark(label, BenchMachine.processCpuSeconds(), System.nanoTime() / 1e9));
    }

    /** One markdown list item per interval between two marks. */
    synchronized String markdownList() {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i < marks.size(); i++) {
            Mark from = marks.get(i - 1);
            Mark to = marks.get(i);
            list.append(String.format(Locale.ROOT, "- %s → %s: %.1f CPU-s (%.1f s)%n", from.label(), to.label(),
                    to.cpuSeconds() - from.cpuSeconds(), to.wallSeconds() - from.wallSeconds()));
        }
        return list.toString().strip();
    }

    /** "label: cpu s (wall s)" for every interval between two marks. */
    synchronized String intervals() {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < marks.size(); i++) {
            Mark from = marks.get(i - 1);
            Mark to = marks.get(i);
            parts.add(String.format(Locale.ROOT, "%s → %s: %.1f CPU-s (%.1f s)", from.label(), to.label(),
                    to.cpuSeconds() - from.cpuSeconds(), to.wallSeconds() - from.wallSeconds()));
        }
        return parts.stream().collect(Collectors.joining("; "));
    }
}
