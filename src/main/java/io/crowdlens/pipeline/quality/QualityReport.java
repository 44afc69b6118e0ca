package io.crowdlens.pipeline.quality;

import io.crowdlens.pipeline.quality.InputProfile.DayInput;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A run's data-quality report (docs/pipeline.md, "Quality report"): the text the operator reads (printed by
 * the command line, kept with every release of the run, shown on the Releases page), its warnings, and
 * the run's events and devices per local day (kept so that the next run can compare its days).
 */
public record QualityReport(String text, List<QualityWarning> warnings, List<DayInput> days) {

    public QualityReport {
        warnings = List.copyOf(warnings);
        days = List.copyOf(days);
    }

    /** Whether every check passed: the run's releases may be served at once. */
    public boolean passed() {
        return warnings.stream().noneMatch(QualityWarning::holds);
    }

    /** Why the run is held, one reason a line (empty when it passed). */
    public String holdReasons() {
        return warnings.stream().filter(QualityWarning::holds).map(w -> w.kind() + ": " + w.text())
                .collect(Collectors.joining("\n"));
    }
}
