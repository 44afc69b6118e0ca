package io.crowdlens.pipeline.quality;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.drop.Cell;
import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.geography.CellArea;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.quality.InputProfile.DayInput;
import io.crowdlens.pipeline.quality.InputProfile.FileInput;
import io.crowdlens.pipeline.quality.QualityWarning.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a run's {@link QualityReport} from what the run counted; each warning's threshold is a setting
 * ({@link QualitySettings}) and the settings say which warnings fail the checks.
 */
public final class QualityChecks {

    /** One product of the run: its figures published and suppressed, or nothing published (empty). */
    public record ProductFigures(Dataset dataset, long published, long suppressed, boolean publishes) {
    }

    /** The served release the run's days are compared with, and its days. */
    public record Baseline(long releaseId, List<DayInput> days) {
    }

    private final QualitySettings settings;

    public QualityChecks(QualitySettings settings) {
        this.settings = settings;
    }

    public QualityReport report(FileCounts events, FileCounts cellCounts, InputProfile profile, Geography geography,
            List<Cell> cells, Optional<Baseline> baseline, List<ProductFigures> products, List<String> privacy) {
        List<String> lines = new ArrayList<>();
        List<QualityWarning> warnings = new ArrayList<>();

        lines.add("Rows");
        lines.add(String.format(Locale.ROOT, "  events: %,d read, %,d accepted, %,d opted out, %,d rejected %s",
                events.read(), events.accepted(), events.optedOut(), events.rejectedTotal(), reasons(events.rejected())));
        for (FileInput file : profile.files()) {
            long rejected = file.rejected().values().stream().mapToLong(Long::longValue).sum();
            lines.add(String.format(Locale.ROOT, "    %s: %,d read, %,d accepted or opted out, %,d rejected %s",
                    file.file(), file.read(), Math.max(0, file.read() - rejected), rejected, reasons(file.rejected())));
        }
        lines.add(String.format(Locale.ROOT, "  cells: %,d read, %,d accepted, %,d rejected %s", cellCounts.read(),
                cellCounts.accepted(), cellCounts.rejectedTotal(), reasons(cellCounts.rejected())));
        if (events.rejectedTotal() > 0) {
            warnings.add(warning(Kind.REJECTS, String.format(Locale.ROOT, "%,d of %,d event rows rejected %s"
                    + " (see the quarantine)", events.rejectedTotal(), events.read(), reasons(events.rejected()))));
        }

        long totalEvents = profile.eventsPerCell().values().stream().mapToLong(Long::longValue).sum();
        long silentCells = cells.stream().filter(c -> profile.eventsPerCell().getOrDefault(c.key(), 0L) == 0).count();
        lines.add("Areas");
        lines.add(String.format(Locale.ROOT, "  cells with no accepted event: %,d of %,d", silentCells, cells.size()));
        for (String layer : geography.layerNames().keySet()) {
            if (layer.equals(geography.h3Layer())) {
                continue;
            }
            layer(layer, geography, cells, profile.eventsPerCell(), totalEvents, lines, warnings);
        }

        lines.add("Days (accepted events, devices; compared with " + baseline.map(b -> "served release "
                + b.releaseId() + ", the same weekday or else its median day").orElse("nothing: no served release has"
                + " day counts") + ")");
        for (DayInput day : profile.days()) {
            long usual = baseline.map(b -> usualDay(b.days(), day)).orElse(0L);
            boolean dropped = usual > 0 && day.events() < settings.dayDropRatio() * usual;
            lines.add(String.format(Locale.ROOT, "  %s %s: %,d events, %,d devices%s", day.day(),
                    day.day().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT), day.events(),
                    day.devices(), usual == 0 ? "" : String.format(Locale.ROOT, " (usual %,d)%s", usual,
                            dropped ? "  << below " + pct(settings.dayDropRatio()) + " of the usual day" : "")));
            if (dropped) {
                warnings.add(warning(Kind.DAY_DROP, String.format(Locale.ROOT, "%s has %,d accepted events, below %s"
                                + " of the %,d of its usual day in the served release %d (a file or a feed missing?)",
                        day.day(), day.events(), pct(settings.dayDropRatio()), usual,
                        baseline.orElseThrow().releaseId())));
            }
        }

        lines.add("Figures");
        for (ProductFigures product : products) {
            long grid = product.published() + product.suppressed();
            double share = grid == 0 ? 0 : (double) product.published() / grid;
            lines.add(String.format(Locale.ROOT, "  %s: %,d of %,d figures published (%s), %,d suppressed%s",
                    product.dataset().label(), product.published(), grid, pct(share), product.suppressed(),
                    product.publishes() ? "" : "; nothing to publish, the served release stays"));
            if (product.publishes() && share < settings.minPublishedShare()) {
                warnings.add(warning(Kind.FEW_FIGURES, String.format(Locale.ROOT,
                        "%s publishes %s of its grid, below %s (most figures below k)", product.dataset().label(),
                        pct(share), pct(settings.minPublishedShare()))));
            }
        }
        lines.add("Privacy");
        privacy.forEach(line -> lines.add("  " + line));
        lines.add("Checks");
        if (warnings.isEmpty()) {
            lines.add("  no warnings");
        }
        warnings.forEach(w -> lines.add("  " + w));
        boolean held = warnings.stream().anyMatch(QualityWarning::holds);
        lines.add(held ? "  => held for review: the served releases stay until a data operator approves"
                + " (releases approve --id N --by NAME, or the Releases page)" : "  => checks passed");
        return new QualityReport(String.join("\n", lines), warnings, profile.days());
    }

    private void layer(String layer, Geography geography, List<Cell> cells, Map<String, Long> eventsPerCell,
            long totalEvents, List<String> lines, List<QualityWarning> warnings) {
        Set<String> placed = new HashSet<>();
        Set<String> usedAreas = new HashSet<>();
        for (CellArea cellArea : geography.cellAreas()) {
            if (cellArea.layerCode().equals(layer)) {
                placed.add(cellArea.cellKey());
                usedAreas.add(cellArea.areaCode());
            }
        }
        List<Cell> unplaced = cells.stream().filter(c -> !placed.contains(c.key()))
                .sorted(Comparator.comparingLong((Cell c) -> eventsPerCell.getOrDefault(c.key(), 0L)).reversed()
                        .thenComparing(Cell::key))
                .toList();
        long unplacedEvents = unplaced.stream().mapToLong(c -> eventsPerCell.getOrDefault(c.key(), 0L)).sum();
        double eventShare = totalEvents == 0 ? 0 : (double) unplacedEvents / totalEvents;
        double cellShare = cells.isEmpty() ? 0 : (double) unplaced.size() / cells.size();
        Set<String> emptyAreas = new LinkedHashSet<>();
        long areas = 0;
        for (Area area : geography.areas()) {
            if (area.layer().equals(layer)) {
                areas++;
                if (!usedAreas.contains(area.code())) {
                    emptyAreas.add(area.code());
                }
            }
        }
        double emptyShare = areas == 0 ? 0 : (double) emptyAreas.size() / areas;
        lines.add(String.format(Locale.ROOT, "  layer %s: events in no area %,d of %,d (%s); cells in no area %,d of %,d"
                        + " (%s); areas with no cell %,d of %,d%s", layer, unplacedEvents, totalEvents, pct(eventShare),
                unplaced.size(), cells.size(), pct(cellShare), emptyAreas.size(), areas,
                emptyAreas.isEmpty() ? "" : " (" + emptyAreas.stream().limit(settings.worstCells())
                        .collect(Collectors.joining(", ")) + (emptyAreas.size() > settings.worstCells() ? ", ..." : "")
                        + ")"));
        if (!unplaced.isEmpty()) {
            lines.add("    worst cells in no area: " + unplaced.stream().limit(settings.worstCells())
                    .map(c -> String.format(Locale.ROOT, "%s (%.5f, %.5f) %,d events", c.key(), c.lat(), c.lon(),
                            eventsPerCell.getOrDefault(c.key(), 0L)))
                    .collect(Collectors.joining(", ")));
        }
        if (eventShare > settings.maxUnplacedEventShare()) {
            warnings.add(warning(Kind.UNPLACED_EVENTS, String.format(Locale.ROOT, "layer %s: %s of accepted events"
                            + " (%,d of %,d) are on cells in no area and count in none of its figures, above %s"
                            + " (crowdlens.pipeline.quality.max-unplaced-event-share); worst cell %s",
                    layer, pct(eventShare), unplacedEvents, totalEvents, pct(settings.maxUnplacedEventShare()),
                    unplaced.getFirst().key())));
        }
        if (cellShare > settings.maxUnplacedCellShare()) {
            warnings.add(warning(Kind.UNPLACED_CELLS, String.format(Locale.ROOT, "layer %s: %s of cells lie in no"
                    + " area, above %s", layer, pct(cellShare), pct(settings.maxUnplacedCellShare()))));
        }
        if (emptyShare > settings.maxEmptyAreaShare()) {
            warnings.add(warning(Kind.EMPTY_AREAS, String.format(Locale.ROOT, "layer %s: %,d of %,d areas hold no"
                    + " cell, above %s", layer, emptyAreas.size(), areas, pct(settings.maxEmptyAreaShare()))));
        }
    }

    private QualityWarning warning(Kind kind, String text) {
        return new QualityWarning(kind, text, settings.holdOn().contains(kind));
    }

    /**
     * The events of a usual day like this one in the baseline: the mean of its days of the same weekday
     * (traffic differs by weekday), or its lower median day when it has none.
     */
    static long usualDay(List<DayInput> baseline, DayInput day) {
        List<DayInput> sameWeekday = baseline.stream().filter(d -> d.day().getDayOfWeek() == day.day().getDayOfWeek())
                .toList();
        if (!sameWeekday.isEmpty()) {
            return Math.round(sameWeekday.stream().mapToLong(DayInput::events).average().orElse(0));
        }
        List<Long> sorted = baseline.stream().map(DayInput::events).sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
    }

    private static String reasons(Map<?, Long> rejected) {
        return rejected.isEmpty() ? "" : rejected.entrySet().stream()
                .map(e -> e.getKey().toString().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
