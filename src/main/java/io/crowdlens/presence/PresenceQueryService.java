package io.crowdlens.presence;

import io.crowdlens.common.Dataset;
import io.crowdlens.export.CsvExportWriter;
import io.crowdlens.export.ExportColumn;
import io.crowdlens.export.ExportFileName;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.figures.FigureGate;
import io.crowdlens.figures.Partner;
import io.crowdlens.licensing.LicenceGrant;
import io.crowdlens.licensing.LicenceScope;
import io.crowdlens.privacy.Cells;
import io.crowdlens.common.Figure;
import io.crowdlens.privacy.FigureFamily;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The presence questions partners ask (map, area panel, hour by hour, CSV), each answered through the
 * {@link FigureGate}: licence scope, the served release, the partner's k on every stored figure before
 * it is combined, blocking and audit happen there. Figures: hourly presence is combined per area
 * over the selected days and hours (an average or the peak); the daily series shows stored daily
 * figures. Views, exports and the API call this; none of them reads presence tables.
 */
@Service
@Transactional(readOnly = true)
public class PresenceQueryService {

    private static final String WIDEN = "widen the area or the time window: add hours or days, or choose a coarser layer";

    private final FigureGate gate;
    private final DayRowReader dayRows;
    private final PresenceReader reader;

    public PresenceQueryService(FigureGate gate, DayRowReader dayRows, PresenceReader reader) {
        this.gate = gate;
        this.dayRows = dayRows;
        this.reader = reader;
    }

    /** Layers and days this user may choose from. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public MapChoices choices() {
        return gate.choices(Dataset.PRESENCE, (scope, release) -> {
            Map<String, String> layers = reader.layerNames(scope.layers());
            LocalDate first = null;
            LocalDate last = null;
            if (release.isPresent()) {
                for (LicenceGrant grant : scope.grants()) {
                    LocalDate from = later(grant.dataFrom(), release.get().periodFrom());
                    LocalDate to = earlier(grant.dataTo(), release.get().periodTo());
                    if (!from.isAfter(to)) {
                        first = first == null ? from : earlier(first, from);
                        last = last == null ? to : later(last, to);
                    }
                }
            }
            return new MapChoices(release, layers, first, last);
        });
    }

    /** The licensed areas of a layer with their outlines, for drawing. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public List<LicensedArea> areas(String layer) {
        return gate.choices(Dataset.PRESENCE, (scope, release) -> {
            if (!scope.permitsLayer(layer)) {
                throw gate.refuse(Dataset.PRESENCE, "areas of layer " + layer,
                        "Your licence does not include the layer " + layer + ".");
            }
            return reader.areasWithOutlines(layer).stream().filter(a -> scope.permits(layer, a.id())).toList();
        });
    }

    /** One figure per licensed area of the layer: average or peak hourly presence over the selection. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public Heatmap heatmap(PresenceSelection selection) {
        return gate.ask(Dataset.PRESENCE, selection.describe(), WIDEN, partner -> {
            LicensedAreas licensed = licensedAreasCovering(partner, selection);
            List<AreaFigure> figures = new ArrayList<>();
            streamFigures(partner, licensed, selection, figures::add);
            return new Heatmap(partner.release(), partner.k(), selection, selection.dates().size()
                    * selection.hoursPerDay(), figures);
        });
    }

    /**
     * The heatmap of each hour of day in the selection's hour range (one query), for playing the map
     * hour by hour with one colour scale over the whole window. Blocked only when no hour shows anything.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public HourByHour hourByHour(PresenceSelection selection) {
        return gate.ask(Dataset.PRESENCE, "hour by hour " + selection.describe(), WIDEN, partner -> {
            LicensedAreas licensed = licensedAreasCovering(partner, selection);
            int days = selection.dates().size();
            Cells cells = partner.cells(FigureFamily.PRESENCE_HOURLY);
            Map<Long, HourTotals> byArea = days == 0 ? Map.of()
                    : dayRows.hourTotals(PresenceReader.selectedDays(partner.release().id(), selection),
                            selection.firstHour(), selection.lastHour(), partner.k());
            List<LicensedArea> areas = reader.areaNames(selection.layer()).stream()
                    .filter(a -> licensed.includes(a.id())).toList();
            Map<Integer, Heatmap> hours = new TreeMap<>();
            for (int hour = selection.firstHour(); hour <= selection.lastHour(); hour++) {
                List<AreaFigure> figures = new ArrayList<>(areas.size());
                for (LicensedArea area : areas) {
                    HourTotals totals = byArea.get(area.id());
                    figures.add(new AreaFigure(area.id(), area.name(), totals == null ? Figure.hidden()
                            : totals.figure(hour, selection.metric(), cells, days)));
                }
                hours.put(hour, new Heatmap(partner.release(), partner.k(), selection.atHour(hour), days, figures));
            }
            return new HourByHour(partner.release(), partner.k(), selection, hours);
        });
    }

    /**
     * One area's side panel: the selection's metric at each of the 24 hours of day over the selected
     * days, and distinct devices per selected day. An area outside the licence is refused and audited.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public AreaDetail areaDetail(PresenceSelection selection, long areaId) {
        String what = "area detail area=" + areaId + " " + selection.describe();
        return gate.ask(Dataset.PRESENCE, what, WIDEN, partner -> {
            LicensedAreas licensed = licensedAreasCovering(partner, selection);
            String name = reader.areaName(areaId, selection.layer()).orElse(null);
            if (name == null || !licensed.includes(areaId)) {
                throw partner.refuse(what, "Your licence does not include this area for " + selection.from() + " to "
                        + selection.to() + ".");
            }
            List<LocalDate> dates = selection.dates();
            HourTotals byHour = dates.isEmpty() ? new HourTotals()
                    : dayRows.hourTotals(PresenceReader.areaDays(partner.release().id(), areaId, dates), 0, 23,
                            partner.k()).getOrDefault(areaId, new HourTotals());
            Cells hourly = partner.cells(FigureFamily.PRESENCE_HOURLY);
            List<Figure> profile = new ArrayList<>(24);
            for (int hour = 0; hour < 24; hour++) {
                profile.add(dates.isEmpty() ? Figure.hidden()
                        : byHour.figure(hour, selection.metric(), hourly, dates.size()));
            }
            Cells daily = partner.cells(FigureFamily.PRESENCE_DAILY);
            Map<LocalDate, Integer> byDay = dates.isEmpty() ? Map.of()
                    : reader.daily(partner.release().id(), areaId, dates);
            List<Figure> series = dates.stream().map(day -> daily.single(byDay.get(day))).toList();
            return new AreaDetail(areaId, name, partner.release(), partner.k(), selection, profile, dates, series);
        });
    }

    /**
     * The heatmap as a CSV file (docs/exports.md): one row per licensed area, streamed from the
     * database cursor into {@code target}. Checked like the map before the target is opened.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportHeatmap(PresenceSelection selection, ExportTarget target) throws IOException {
        return gate.export(Dataset.PRESENCE, "export " + selection.describe(), WIDEN, target, partner -> {
            LicensedAreas licensed = licensedAreasCovering(partner, selection);
            int[] shown = {0};
            streamFigures(partner, licensed, selection, f -> shown[0] += f.suppressed() ? 0 : 1);
            Heatmap header = new Heatmap(partner.release(), partner.k(), selection,
                    selection.dates().size() * selection.hoursPerDay(), List.of());
            String figure = switch (selection.metric()) {
                case AVERAGE_HOURLY -> "average_devices_per_hour";
                case PEAK_HOUR -> "peak_hour_devices";
            };
            String fileName = ExportFileName.csv("presence", selection.metric().name(), selection.layer(),
                    selection.from() + " to " + selection.to(), selection.days().name(),
                    String.format("%02d-%02dh", selection.firstHour(), selection.lastHour()),
                    "release " + partner.release().id());
            return new FigureGate.ExportPlan(fileName, header.description(), selection.from(), selection.to(),
                    List.of(ExportColumn.number("area_id"), ExportColumn.text("area"),
                            ExportColumn.figure(figure, selection.metric() == PresenceMetric.AVERAGE_HOURLY ? 1 : 0)),
                    shown[0], (CsvExportWriter csv) -> streamFigures(partner, licensed, selection,
                            f -> csv.row(f.areaId(), f.name(), f.figure())));
        });
    }

    /**
     * Every licensed area of the layer with its combined figure, in area id order, with flat memory:
     * two cursors in id order, the areas and their totals of figures at k over the selected days and
     * hours ({@link DayRowReader}), merged as they stream.
     */
    private void streamFigures(Partner partner, LicensedAreas licensed, PresenceSelection selection,
            Consumer<AreaFigure> sink) {
        Cells cells = partner.cells(FigureFamily.PRESENCE_HOURLY);
        int parts = selection.dates().size() * selection.hoursPerDay();
        try (DayRowReader.AreaTotals totals = dayRows.areaTotals(
                PresenceReader.selectedDays(partner.release().id(), selection), selection.firstHour(),
                selection.lastHour(), partner.k())) {
            DayRowReader.AreaTotal[] next = {totals.nextOrNull()};
            reader.forEachAreaById(selection.layer(), area -> {
                long id = area.value1();
                DayRowReader.AreaTotal match = null;
                while (next[0] != null && next[0].areaId() <= id) {
                    if (next[0].areaId() == id) {
                        match = next[0];
                    }
                    next[0] = totals.nextOrNull();
                }
                if (licensed.includes(id)) {
                    sink.accept(new AreaFigure(id, area.value2(), figure(match, selection.metric(), cells, parts)));
                }
            });
        }
    }

    /**
     * Unique counts are never summed into a larger unique count: the average is the mean of hourly
     * figures (those below k count as zero), the peak their maximum; either is checked against k again.
     */
    private static Figure figure(DayRowReader.AreaTotal total, PresenceMetric metric, Cells cells, int parts) {
        if (total == null || parts == 0) {
            return Figure.hidden();
        }
        return switch (metric) {
            case AVERAGE_HOURLY -> cells.meanOfPassing(total.sum(), total.used(), parts);
            case PEAK_HOUR -> cells.peakOfPassing(total.peak(), total.used());
        };
    }

    /** The areas of the selection's layer that one licence covers for the whole date range. */
    private record LicensedAreas(boolean wholeLayer, Set<Long> ids) {
        boolean includes(long areaId) {
            return wholeLayer || ids.contains(areaId);
        }
    }

    private static LicensedAreas licensedAreasCovering(Partner partner, PresenceSelection selection) {
        LicenceScope scope = partner.scope();
        Set<Long> areas = new HashSet<>();
        boolean wholeLayer = false;
        boolean layerLicensed = false;
        for (LicenceGrant grant : scope.grants()) {
            if (!grant.layerCode().equals(selection.layer())) {
                continue;
            }
            layerLicensed = true;
            if (grant.covers(selection.from()) && grant.covers(selection.to())) {
                wholeLayer |= grant.wholeLayer();
                areas.addAll(grant.areaIds());
            }
        }
        if (!layerLicensed) {
            throw partner.refuse(selection.describe(),
                    "Your licence does not include the layer " + selection.layer() + ".");
        }
        if (!wholeLayer && areas.isEmpty()) {
            throw partner.refuse(selection.describe(),
                    "Your licence does not cover " + selection.from() + " to " + selection.to() + " on this layer.");
        }
        return new LicensedAreas(wholeLayer, areas);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
