package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_DAY_HOURS;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LicenceGrant;
import io.crowdlens.licensing.LicenceScope;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.export.CsvExportWriter;
import io.crowdlens.export.ExportColumn;
import io.crowdlens.export.ExportFileName;
import io.crowdlens.export.ExportMetadata;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one choke point for presence figures (DESIGN.md): applies licence scope, reads only the
 * published pre-aggregates of the served release, combines them per area, re-checks k on every
 * combined figure, blocks selections that would show nothing, and audits every question. Views,
 * exports and the API call this; none of them reads presence tables.
 */
@Service
public class PresenceQueryService {

    private final DSLContext db;
    private final LicenceScopeService licences;
    private final ReleaseCatalogue releases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final DayRowReader dayRows;
    private final Clock clock = Clock.systemUTC();

    public PresenceQueryService(DSLContext db, LicenceScopeService licences, ReleaseCatalogue releases,
            CurrentUser currentUser, AuditLog audit, DayRowReader dayRows) {
        this.db = db;
        this.dayRows = dayRows;
        this.licences = licences;
        this.releases = releases;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Layers and days this user may choose from. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public MapChoices choices() {
        LicenceScope scope = licences.scopeFor(Dataset.PRESENCE);
        Optional<ReleaseSummary> release = releases.current(Dataset.PRESENCE);
        Map<String, String> layers = new LinkedHashMap<>();
        db.select(AREA_LAYER.CODE, AREA_LAYER.NAME).from(AREA_LAYER)
                .where(AREA_LAYER.CODE.in(scope.layers()))
                .orderBy(AREA_LAYER.KIND.desc(), AREA_LAYER.CODE)
                .forEach(r -> layers.put(r.value1(), r.value2()));
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
    }

    /** The licensed areas of a layer with their outlines, for drawing. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<LicensedArea> areas(String layer) {
        LicenceScope scope = licences.scopeFor(Dataset.PRESENCE);
        if (!scope.permitsLayer(layer)) {
            throw refuse(scope, "areas of layer " + layer, "Your licence does not include the layer " + layer + ".");
        }
        return db.select(AREA.ID, AREA.NAME, AREA.GEOMETRY).from(AREA)
                .where(AREA.LAYER_CODE.eq(layer))
                .orderBy(AREA.NAME)
                .fetch(r -> new LicensedArea(r.value1(), r.value2(), r.value3()))
                .stream().filter(a -> scope.permits(layer, a.id())).toList();
    }

    /** One figure per licensed area of the layer: average or peak hourly presence over the selection. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public Heatmap heatmap(PresenceSelection selection) {
        Question q = ask(selection);
        List<AreaFigure> figures = new ArrayList<>();
        streamFigures(q, selection, figures::add);
        Heatmap heatmap = new Heatmap(q.release, q.k, selection, q.hours, figures);
        int shown = figures.size() - (int) heatmap.suppressedCount();
        if (shown == 0) {
            throw block(q, selection.describe(), figures.size());
        }
        auditSuccess(AuditAction.QUERY, selection.describe() + " release=" + q.release.id(), shown,
                (int) heatmap.suppressedCount());
        return heatmap;
    }

    /**
     * The heatmap of each hour of day in the selection's hour range (one query), for playing the map
     * hour by hour with one colour scale over the whole window. Blocked only when no hour shows anything.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public HourByHour hourByHour(PresenceSelection selection) {
        Question q = ask(selection);
        int days = q.dates.size();
        Map<Long, HourTotals> byArea = days == 0 ? Map.of()
                : dayRows.hourTotals(selectedDays(q, selection), selection.firstHour(), selection.lastHour());
        List<LicensedArea> areas = licensedAreaNames(q, selection);
        Map<Integer, Heatmap> hours = new TreeMap<>();
        int shown = 0;
        int suppressed = 0;
        for (int hour = selection.firstHour(); hour <= selection.lastHour(); hour++) {
            List<AreaFigure> figures = new ArrayList<>(areas.size());
            for (LicensedArea area : areas) {
                HourTotals totals = byArea.get(area.id());
                long[] sumAndPeak = totals == null ? null : totals.sumAndPeak(hour);
                figures.add(new AreaFigure(area.id(), area.name(), combined(sumAndPeak, selection.metric(), days, q.k)));
            }
            Heatmap heatmap = new Heatmap(q.release, q.k, selection.atHour(hour), days, figures);
            suppressed += (int) heatmap.suppressedCount();
            shown += figures.size() - (int) heatmap.suppressedCount();
            hours.put(hour, heatmap);
        }
        String what = "hour by hour " + selection.describe();
        if (shown == 0) {
            throw block(q, what, suppressed);
        }
        auditSuccess(AuditAction.QUERY, what + " release=" + q.release.id(), shown, suppressed);
        return new HourByHour(q.release, q.k, selection, hours);
    }

    /**
     * One area's side panel: the selection's metric at each of the 24 hours of day over the selected
     * days, and distinct devices per selected day. An area outside the licence is refused and audited.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public AreaDetail areaDetail(PresenceSelection selection, long areaId) {
        Question q = ask(selection);
        String what = "area detail area=" + areaId + " " + selection.describe();
        String name = db.select(AREA.NAME).from(AREA)
                .where(AREA.ID.eq(areaId)).and(AREA.LAYER_CODE.eq(selection.layer()))
                .fetchOptional(AREA.NAME).orElse(null);
        if (name == null || !q.licensed.includes(areaId)) {
            throw refuse(q.scope, what, "Your licence does not include this area for " + selection.from() + " to "
                    + selection.to() + ".");
        }
        int days = q.dates.size();
        HourTotals byHour = new HourTotals();
        Map<LocalDate, Long> byDay = new HashMap<>();
        if (days > 0) {
            byHour = dayRows.hourTotals(PRESENCE_DAY_HOURS.RELEASE_ID.eq(q.release.id())
                            .and(PRESENCE_DAY_HOURS.AREA_ID.eq(areaId))
                            .and(PRESENCE_DAY_HOURS.LOCAL_DAY.in(q.dates)), 0, 23)
                    .getOrDefault(areaId, byHour);
            db.select(PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.DEVICES)
                    .from(PRESENCE_DAILY)
                    .where(PRESENCE_DAILY.RELEASE_ID.eq(q.release.id()))
                    .and(PRESENCE_DAILY.AREA_ID.eq(areaId))
                    .and(PRESENCE_DAILY.LOCAL_DAY.in(q.dates))
                    .forEach(r -> byDay.put(r.value1(), r.value2().longValue()));
        }
        List<Long> profile = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            profile.add(combined(byHour.sumAndPeak(hour), selection.metric(), days, q.k));
        }
        List<Long> daily = new ArrayList<>(days);
        for (LocalDate day : q.dates) {
            Long devices = byDay.get(day);
            daily.add(devices != null && devices >= q.k ? devices : null);
        }
        int shown = (int) (profile.stream().filter(v -> v != null).count() + daily.stream().filter(v -> v != null).count());
        int suppressed = profile.size() + daily.size() - shown;
        if (shown == 0) {
            throw block(q, what, suppressed);
        }
        auditSuccess(AuditAction.QUERY, what + " release=" + q.release.id(), shown, suppressed);
        return new AreaDetail(areaId, name, q.release, q.k, selection, profile, q.dates, daily);
    }

    /**
     * The heatmap as a CSV file (docs/exports.md): one row per licensed area, streamed from the
     * database cursor into {@code target}. Scope and k are checked, and a selection with no figure at
     * k is blocked, before the target is opened; the export is audited as EXPORT.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportHeatmap(PresenceSelection selection, ExportTarget target) throws IOException {
        Question q = ask(selection);
        String what = "csv " + selection.describe();
        if (!anyFigureAtK(q, selection)) {
            throw block(q, what, 0);
        }
        CrowdLensUser user = currentUser.require();
        Heatmap header = new Heatmap(q.release, q.k, selection, q.hours, List.of());
        ExportMetadata metadata = new ExportMetadata(header.description(), user.organisationName(),
                Dataset.PRESENCE.label(), q.release.id(), selection.from(), selection.to(), q.release.timeZone(),
                q.k, OffsetDateTime.now(clock));
        String figure = switch (selection.metric()) {
            case AVERAGE_HOURLY -> "average_devices_per_hour";
            case PEAK_HOUR -> "peak_hour_devices";
        };
        String fileName = ExportFileName.csv("presence", selection.metric().name(), selection.layer(),
                selection.from() + " to " + selection.to(), selection.days().name(),
                String.format("%02d-%02dh", selection.firstHour(), selection.lastHour()), "release " + q.release.id());
        CsvExportWriter csv = CsvExportWriter.start(target, fileName, metadata,
                List.of(ExportColumn.number("area_id"), ExportColumn.text("area"), ExportColumn.figure(figure)));
        try {
            streamFigures(q, selection, f -> csv.row(f.areaId(), f.name(), f.value()));
            ExportSummary summary = csv.finish();
            auditSuccess(AuditAction.EXPORT, what + " release=" + q.release.id() + " file=" + fileName,
                    (int) summary.figuresShown(), (int) summary.figuresSuppressed());
            return summary;
        } catch (IOException | RuntimeException broken) {
            ExportSummary partial = csv.summary();
            audit.recordFigures(user.username(), user.organisationId(), AuditAction.EXPORT, AuditOutcome.FAILURE,
                    what + " interrupted after " + partial.rows() + " rows: " + broken.getMessage(),
                    (int) partial.figuresShown(), (int) partial.figuresSuppressed());
            throw broken;
        }
    }

    /** Licence scope, release and k for one selection: refused (and audited) before anything is read. */
    private record Question(LicenceScope scope, LicensedAreas licensed, ReleaseSummary release, int k,
            List<LocalDate> dates, int hours) {
    }

    private Question ask(PresenceSelection selection) {
        LicenceScope scope = licences.scopeFor(Dataset.PRESENCE);
        LicensedAreas licensed = licensedAreasCovering(scope, selection);
        ReleaseSummary release = releases.current(Dataset.PRESENCE)
                .orElseThrow(() -> new IllegalStateException("No presence data has been published yet."));
        int k = Math.max(scope.minimumCrowd(), release.minimumCrowd());
        List<LocalDate> dates = selection.dates();
        return new Question(scope, licensed, release, k, dates, dates.size() * selection.hoursPerDay());
    }

    /**
     * Every licensed area of the layer with its combined figure, in area id order, with flat memory:
     * two cursors in id order, the areas and their totals over the selected days and hours
     * ({@link DayRowReader}), merged as they stream.
     */
    private void streamFigures(Question q, PresenceSelection selection, Consumer<AreaFigure> sink) {
        try (Cursor<Record2<Long, String>> areas = db.select(AREA.ID, AREA.NAME).from(AREA)
                .where(AREA.LAYER_CODE.eq(selection.layer()))
                .orderBy(AREA.ID)
                .fetchSize(1000).fetchLazy();
                DayRowReader.AreaTotals totals = dayRows.areaTotals(selectedDays(q, selection),
                        selection.firstHour(), selection.lastHour())) {
            DayRowReader.AreaTotal total = totals.nextOrNull();
            for (Record2<Long, String> area : areas) {
                long id = area.value1();
                long[] sumAndPeak = null;
                while (total != null && total.areaId() <= id) {
                    if (total.areaId() == id) {
                        sumAndPeak = new long[] {total.sum(), total.peak()};
                    }
                    total = totals.nextOrNull();
                }
                if (q.licensed.includes(id)) {
                    sink.accept(new AreaFigure(id, area.value2(),
                            combined(sumAndPeak, selection.metric(), q.hours, q.k)));
                }
            }
        }
    }

    /** Whether at least one licensed area's combined figure reaches k (checked before an export opens its file). */
    private boolean anyFigureAtK(Question q, PresenceSelection selection) {
        boolean[] found = {false};
        streamFigures(q, selection, f -> found[0] |= !f.suppressed());
        return found[0];
    }

    private List<LicensedArea> licensedAreaNames(Question q, PresenceSelection selection) {
        return db.select(AREA.ID, AREA.NAME).from(AREA).where(AREA.LAYER_CODE.eq(selection.layer()))
                .orderBy(AREA.NAME, AREA.ID)
                .fetch(r -> new LicensedArea(r.value1(), r.value2(), null))
                .stream().filter(a -> q.licensed.includes(a.id())).toList();
    }

    /**
     * The published days of the selection: its layer, its date range as one range of the primary key,
     * and its days of the week.
     */
    private static Condition selectedDays(Question q, PresenceSelection selection) {
        if (q.dates.isEmpty()) {
            return DSL.falseCondition();
        }
        Condition days = PRESENCE_DAY_HOURS.RELEASE_ID.eq(q.release.id())
                .and(PRESENCE_DAY_HOURS.LAYER_CODE.eq(selection.layer()))
                .and(PRESENCE_DAY_HOURS.LOCAL_DAY.between(selection.from(), selection.to()));
        if (selection.days() == DayFilter.EVERY_DAY) {
            return days;
        }
        List<Integer> isoDays = Arrays.stream(DayOfWeek.values()).filter(selection.days()::includes)
                .map(DayOfWeek::getValue).toList();
        return days.and(DSL.extract(PRESENCE_DAY_HOURS.LOCAL_DAY, DatePart.ISO_DAY_OF_WEEK).in(isoDays));
    }

    private SelectionBlockedException block(Question q, String what, int suppressed) {
        CrowdLensUser user = currentUser.require();
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.BLOCKED, what, 0,
                suppressed);
        return new SelectionBlockedException(q.k);
    }

    private void auditSuccess(AuditAction action, String what, int shown, int suppressed) {
        CrowdLensUser user = currentUser.require();
        audit.recordFigures(user.username(), user.organisationId(), action, AuditOutcome.SUCCESS, what, shown,
                suppressed);
    }

    /**
     * Unique counts are never summed into a larger unique count: the average is the mean of hourly
     * counts (suppressed hours count as zero), the peak their maximum. Either is shown only at k or more.
     */
    static Long combined(long[] sumAndPeak, PresenceMetric metric, int hours, int k) {
        if (sumAndPeak == null || hours == 0) {
            return null;
        }
        long value = switch (metric) {
            case AVERAGE_HOURLY -> Math.round(sumAndPeak[0] / (double) hours);
            case PEAK_HOUR -> sumAndPeak[1];
        };
        return value >= k ? value : null;
    }

    /** The areas of the selection's layer that one licence covers for the whole date range. */
    private record LicensedAreas(boolean wholeLayer, Set<Long> ids) {
        boolean includes(long areaId) {
            return wholeLayer || ids.contains(areaId);
        }
    }

    private LicensedAreas licensedAreasCovering(LicenceScope scope, PresenceSelection selection) {
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
            throw refuse(scope, selection.describe(), "Your licence does not include the layer " + selection.layer() + ".");
        }
        if (!wholeLayer && areas.isEmpty()) {
            throw refuse(scope, selection.describe(),
                    "Your licence does not cover " + selection.from() + " to " + selection.to() + " on this layer.");
        }
        return new LicensedAreas(wholeLayer, areas);
    }

    private AccessDeniedException refuse(LicenceScope scope, String what, String message) {
        CrowdLensUser user = currentUser.require();
        audit.record(user.username(), scope.organisationId(), AuditAction.QUERY, AuditOutcome.DENIED, what);
        return new AccessDeniedException(message);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
