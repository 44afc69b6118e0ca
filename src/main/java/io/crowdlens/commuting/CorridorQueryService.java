package io.crowdlens.commuting;

import io.crowdlens.common.Dataset;
import io.crowdlens.export.CsvExportWriter;
import io.crowdlens.export.ExportColumn;
import io.crowdlens.export.ExportFileName;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.figures.FigureGate;
import io.crowdlens.figures.Partner;
import io.crowdlens.licensing.LicenceGrant;
import io.crowdlens.privacy.Cells;
import io.crowdlens.privacy.Combination;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.release.ReleaseSummary;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corridor questions partners ask (devices passing by hour of entry, direction and day type, and
 * their CSV), answered through the {@link FigureGate}. Corridors cross many areas: they need a
 * whole-layer licence of the commuting layer, and each day's figures a licence covering that day.
 */
@Service
@Transactional(readOnly = true)
public class CorridorQueryService {

    private static final String WIDEN = "choose a longer period or a busier corridor";

    private final FigureGate gate;
    private final PublishedCommuting published;

    public CorridorQueryService(FigureGate gate, PublishedCommuting published) {
        this.gate = gate;
        this.published = published;
    }

    /** Average devices passing per day along one corridor between two dates, by hour, direction and day type. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public CorridorCounts corridorCounts(long corridorId, LocalDate from, LocalDate to) {
        String what = "corridor " + corridorId + " " + from + ".." + to;
        return gate.ask(Dataset.COMMUTING, what, WIDEN, partner -> counts(partner, corridorId, from, to, what));
    }

    /** The corridor counts as CSV: one row per day type, direction and hour of entry (suppressed flagged). */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportCorridorCounts(long corridorId, LocalDate from, LocalDate to, ExportTarget target)
            throws IOException {
        String what = "corridor " + corridorId + " " + from + ".." + to + " as CSV";
        return gate.export(Dataset.COMMUTING, what, WIDEN, target, partner -> {
            CorridorCounts counts = counts(partner, corridorId, from, to, what);
            ReleaseSummary release = partner.release();
            return new FigureGate.ExportPlan(
                    ExportFileName.csv("commuting", "corridor", counts.corridor().name(), from + "-to-" + to,
                            "release", String.valueOf(release.id())),
                    counts.describe(), from, to,
                    List.of(ExportColumn.text("corridor"), ExportColumn.text("day_type"), ExportColumn.number("days"),
                            ExportColumn.text("direction"), ExportColumn.number("hour_of_day"),
                            ExportColumn.figure("average_devices_per_day", 1)),
                    counts.shownFigures(), (CsvExportWriter csv) -> {
                        for (DayType type : DayType.values()) {
                            int days = counts.days().getOrDefault(type, 0);
                            if (days == 0) {
                                continue;
                            }
                            for (TravelDirection direction : TravelDirection.values()) {
                                for (int hour = 0; hour < 24; hour++) {
                                    csv.row(counts.corridor().name(), type.name().toLowerCase(Locale.ROOT), days,
                                            direction.name().toLowerCase(Locale.ROOT), hour,
                                            counts.average(type, direction, hour));
                                }
                            }
                        }
                    });
        });
    }

    private CorridorCounts counts(Partner partner, long corridorId, LocalDate from, LocalDate to, String what) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The period starts after it ends.");
        }
        ReleaseSummary release = partner.release();
        CorridorLine corridor = published.corridorsOf(release.id()).stream().filter(c -> c.id() == corridorId)
                .findFirst()
                .orElseThrow(() -> partner.refuse(what, "This corridor is not part of the commuting data you may see."));
        List<LicenceGrant> grants = CommutingQueryService.corridorGrants(partner.scope(),
                published.layerOf(release.id()).orElse(null));
        boolean licensed = !grants.isEmpty() && from.datesUntil(to.plusDays(1))
                .allMatch(day -> grants.stream().anyMatch(g -> g.covers(day)));
        if (!licensed || from.isBefore(release.periodFrom()) || to.isAfter(release.periodTo())) {
            throw partner.refuse(what, "Your licence does not cover corridor counts from " + from + " to " + to + ".");
        }
        Map<DayType, Integer> days = new EnumMap<>(DayType.class);
        from.datesUntil(to.plusDays(1)).forEach(day -> days.merge(DayType.of(day), 1, Integer::sum));
        Cells cells = partner.cells(FigureFamily.CORRIDOR_PASSES);
        Map<DayType, Map<TravelDirection, Map<Integer, Combination>>> means = new EnumMap<>(DayType.class);
        days.forEach((type, count) -> {
            Map<TravelDirection, Map<Integer, Combination>> directions = new EnumMap<>(TravelDirection.class);
            for (TravelDirection direction : TravelDirection.values()) {
                Map<Integer, Combination> hours = new TreeMap<>();
                for (int hour = 0; hour < 24; hour++) {
                    hours.put(hour, cells.mean(count));
                }
                directions.put(direction, hours);
            }
            means.put(type, directions);
        });
        for (PublishedCommuting.PassRow row : published.passes(release.id(), corridorId, from, to)) {
            means.get(DayType.of(row.day())).get(TravelDirection.valueOf(row.direction())).get(row.hour())
                    .add(row.passes());
        }
        Map<DayType, Map<TravelDirection, Map<Integer, io.crowdlens.common.Figure>>> averages =
                new EnumMap<>(DayType.class);
        means.forEach((type, directions) -> {
            Map<TravelDirection, Map<Integer, io.crowdlens.common.Figure>> byDirection =
                    new EnumMap<>(TravelDirection.class);
            directions.forEach((direction, hours) -> {
                Map<Integer, io.crowdlens.common.Figure> figures = new TreeMap<>();
                hours.forEach((hour, mean) -> figures.put(hour, mean.figure()));
                byDirection.put(direction, figures);
            });
            averages.put(type, byDirection);
        });
        return new CorridorCounts(release, partner.k(), corridor, from, to, days, averages);
    }
}
