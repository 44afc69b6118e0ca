package io.crowdlens.commuting;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.common.Dataset;
import io.crowdlens.export.CsvExportWriter;
import io.crowdlens.export.ExportColumn;
import io.crowdlens.export.ExportFileName;
import io.crowdlens.export.ExportMetadata;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.licensing.LicenceGrant;
import io.crowdlens.licensing.LicenceScope;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one choke point for commuting figures (DESIGN.md): licence scope for the COMMUTING dataset,
 * only published pre-aggregates of the served release, k re-checked against this partner's k on every
 * figure and every combination, selections without any figure blocked with advice, every question
 * audited. Views and exports call this; none of them reads commuting tables.
 *
 * <p>Scope (docs/commuting.md): flows are per release period, so a licence must cover the whole period;
 * a flow is visible when the licence covers its home or its work area. Corridors cross many areas: they
 * need a whole-layer licence, and each day's figures a licence covering that day.
 */
@Service
public class CommutingQueryService {

    private final DSLContext db;
    private final LicenceScopeService licences;
    private final ReleaseCatalogue releases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    public CommutingQueryService(DSLContext db, LicenceScopeService licences, ReleaseCatalogue releases,
            CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.licences = licences;
        this.releases = releases;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The districts and corridors this user may choose, and the days it may compare corridors on. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public CommutingChoices choices() {
        LicenceScope scope = licences.scopeFor(Dataset.COMMUTING);
        Optional<ReleaseSummary> current = releases.current(Dataset.COMMUTING);
        if (current.isEmpty()) {
            return new CommutingChoices(current, "", List.of(), List.of(), null, null, scope.minimumCrowd());
        }
        ReleaseSummary release = current.get();
        String layer = layerOf(release);
        String layerName = layer == null ? "" : db.select(AREA_LAYER.NAME).from(AREA_LAYER)
                .where(AREA_LAYER.CODE.eq(layer)).fetchOptional(AREA_LAYER.NAME).orElse(layer);
        List<District> districts = layer == null ? List.of() : districtsOf(layer).stream()
                .filter(d -> flowScope(scope, release, layer).covers(d.id())).toList();
        LocalDate first = null;
        LocalDate last = null;
        List<CorridorLine> corridors = List.of();
        List<LicenceGrant> corridorGrants = corridorGrants(scope, layer);
        if (!corridorGrants.isEmpty()) {
            for (LicenceGrant grant : corridorGrants) {
                LocalDate from = max(grant.dataFrom(), release.periodFrom());
                LocalDate to = min(grant.dataTo(), release.periodTo());
                if (!from.isAfter(to)) {
                    first = first == null ? from : min(first, from);
                    last = last == null ? to : max(last, to);
                }
            }
            corridors = first == null ? List.of() : corridorsOf(release);
        }
        return new CommutingChoices(current, layerName, districts, corridors, first, last,
                Math.max(scope.minimumCrowd(), release.minimumCrowd()));
    }

    /** Flows into and out of one district, and when they leave home on weekdays. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public DistrictFlows flowsOf(long districtId) {
        LicenceScope scope = licences.scopeFor(Dataset.COMMUTING);
        ReleaseSummary release = servedRelease();
        String what = "commuter flows of area " + districtId + " release=" + release.id();
        DistrictFlows flows = flows(scope, release, districtId, what, AuditAction.QUERY);
        CrowdLensUser user = currentUser.require();
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.SUCCESS, what,
                flows.outbound().size() + flows.inbound().size() + flows.departuresOfResidents().size()
                        + flows.departuresOfWorkers().size(), 0);
        return flows;
    }

    /**
     * The district's origin-destination table as CSV: one row per other district and direction, with
     * the commuters where the pair has at least k of them and a suppressed flag where not (fewer than
     * k and none read the same). No total rows: a reader's sums are sums of published figures.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportFlows(long districtId, ExportTarget target) throws IOException {
        LicenceScope scope = licences.scopeFor(Dataset.COMMUTING);
        ReleaseSummary release = servedRelease();
        String what = "commuter flows of area " + districtId + " release=" + release.id() + " as CSV";
        DistrictFlows flows = flows(scope, release, districtId, what, AuditAction.EXPORT);
        CrowdLensUser user = currentUser.require();
        District district = flows.district();
        CsvExportWriter csv = CsvExportWriter.start(target,
                ExportFileName.csv("commuting", "flows", district.name(), release.periodFrom() + "-to-" + release.periodTo(),
                        "release", String.valueOf(release.id())),
                metadata(user, release, flows.minimumCrowd(), "Commuters (devices living in one district and working in"
                        + " the other, " + release.periodFrom() + " to " + release.periodTo() + ") between "
                        + district.name() + " and every other district, in both directions. Pairs with fewer than "
                        + flows.minimumCrowd() + " commuters are flagged suppressed. No totals: a sum of the figures"
                        + " is a sum of published pairs only."),
                List.of(ExportColumn.text("direction"), ExportColumn.number("home_area_id"), ExportColumn.text("home_area"),
                        ExportColumn.number("work_area_id"), ExportColumn.text("work_area"), ExportColumn.figure("commuters")));
        Map<Long, Long> out = new HashMap<>();
        flows.outbound().forEach(f -> out.put(f.work().id(), f.commuters()));
        Map<Long, Long> in = new HashMap<>();
        flows.inbound().forEach(f -> in.put(f.home().id(), f.commuters()));
        List<District> others = districtsOf(layerOf(release)).stream().filter(d -> d.id() != districtId).toList();
        for (District other : rankedBy(others, out)) {
            csv.row("outbound", district.id(), district.name(), other.id(), other.name(), out.get(other.id()));
        }
        for (District other : rankedBy(others, in)) {
            csv.row("inbound", other.id(), other.name(), district.id(), district.name(), in.get(other.id()));
        }
        ExportSummary summary = csv.finish();
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.EXPORT, AuditOutcome.SUCCESS, what,
                (int) summary.figuresShown(), (int) summary.figuresSuppressed());
        return summary;
    }

    private DistrictFlows flows(LicenceScope scope, ReleaseSummary release, long districtId, String what,
            AuditAction action) {
        String layer = layerOf(release);
        FlowScope visible = flowScope(scope, release, layer);
        Map<Long, District> districts = layer == null ? Map.of() : byId(districtsOf(layer));
        District district = districts.get(districtId);
        if (district == null || !visible.covers(districtId)) {
            throw refuse(scope, action, what, "Your licence does not cover this district for the period of the commuting data.");
        }
        int k = minimumCrowd(scope, release);
        List<Flow> outbound = new ArrayList<>();
        List<Flow> inbound = new ArrayList<>();
        db.select(COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS)
                .from(COMMUTING_OD)
                .where(COMMUTING_OD.RELEASE_ID.eq(release.id()))
                .and(COMMUTING_OD.HOME_AREA_ID.eq(districtId).or(COMMUTING_OD.WORK_AREA_ID.eq(districtId)))
                .orderBy(COMMUTING_OD.COMMUTERS.desc(), COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID)
                .forEach(r -> {
                    if (r.value3() >= k) {
                        Flow flow = new Flow(districts.get(r.value1()), districts.get(r.value2()), r.value3());
                        (r.value1() == districtId ? outbound : inbound).add(flow);
                    }
                });
        if (outbound.isEmpty() && inbound.isEmpty()) {
            throw block(scope, action, what, "Fewer than " + k + " commuters travel between " + district.name()
                    + " and any single other district in this release, so no flow can be shown: choose a larger or"
                    + " busier district.");
        }
        Map<Integer, Long> residents = departures(release, k, COMMUTING_DEPARTURE.HOME_AREA_ID.eq(districtId),
                outbound.stream().map(f -> f.work().id()).toList(), true);
        Map<Integer, Long> workers = departures(release, k, COMMUTING_DEPARTURE.WORK_AREA_ID.eq(districtId),
                inbound.stream().map(f -> f.home().id()).toList(), false);
        return new DistrictFlows(release, k, district, outbound, inbound, residents, workers);
    }

    /** Districts with a figure first, largest first, then the others by name. */
    private static List<District> rankedBy(List<District> districts, Map<Long, Long> figures) {
        return districts.stream()
                .sorted(java.util.Comparator.<District>comparingLong(d -> -figures.getOrDefault(d.id(), -1L))
                        .thenComparing(District::name))
                .toList();
    }

    /** Commuters between every ordered pair of the chosen districts, with totals of the cells shown. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public OdMatrix matrix(Collection<Long> districtIds) {
        LicenceScope scope = licences.scopeFor(Dataset.COMMUTING);
        ReleaseSummary release = servedRelease();
        List<Long> ids = districtIds.stream().distinct().toList();
        String what = "commuter matrix of areas " + ids + " release=" + release.id();
        OdMatrix matrix = matrixOf(scope, release, ids, what, AuditAction.QUERY);
        CrowdLensUser user = currentUser.require();
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.SUCCESS, what,
                matrix.shownCells(), (int) matrix.hiddenCells());
        return matrix;
    }

    /**
     * The matrix of the chosen districts as CSV, one row per ordered pair (home, work) in the order
     * given: pairs below the partner's k are flagged suppressed, never 0. No totals: the file says a
     * sum of its figures is a sum of published pairs only.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportMatrix(Collection<Long> districtIds, ExportTarget target) throws IOException {
        LicenceScope scope = licences.scopeFor(Dataset.COMMUTING);
        ReleaseSummary release = servedRelease();
        List<Long> ids = districtIds.stream().distinct().toList();
        String what = "commuter matrix of areas " + ids + " release=" + release.id() + " as CSV";
        OdMatrix matrix = matrixOf(scope, release, ids, what, AuditAction.EXPORT);
        CrowdLensUser user = currentUser.require();
        CsvExportWriter csv = CsvExportWriter.start(target,
                ExportFileName.csv("commuting", "matrix", matrix.districts().size() + "-districts",
                        release.periodFrom() + "-to-" + release.periodTo(), "release", String.valueOf(release.id())),
                metadata(user, release, matrix.minimumCrowd(), "Commuters (devices living in the home district and working"
                        + " in the work district, " + release.periodFrom() + " to " + release.periodTo() + ") between every"
                        + " ordered pair of " + matrix.districts().stream().map(District::name).toList() + ". Pairs with fewer"
                        + " than " + matrix.minimumCrowd() + " commuters are flagged suppressed. No totals: a sum of the"
                        + " figures is a sum of published pairs only."),
                List.of(ExportColumn.number("home_area_id"), ExportColumn.text("home_area"),
                        ExportColumn.number("work_area_id"), ExportColumn.text("work_area"), ExportColumn.figure("commuters")));
        for (int home = 0; home < matrix.districts().size(); home++) {
            for (int work = 0; work < matrix.districts().size(); work++) {
                if (home != work) {
                    District from = matrix.districts().get(home);
                    District to = matrix.districts().get(work);
                    csv.row(from.id(), from.name(), to.id(), to.name(), matrix.cell(home, work));
                }
            }
        }
        ExportSummary summary = csv.finish();
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.EXPORT, AuditOutcome.SUCCESS, what,
                (int) summary.figuresShown(), (int) summary.figuresSuppressed());
        return summary;
    }

    /** The matrix with the partner's k applied; refused outside the licence, blocked when nothing reaches k. */
    private OdMatrix matrixOf(LicenceScope scope, ReleaseSummary release, List<Long> ids, String what, AuditAction action) {
        String layer = layerOf(release);
        FlowScope visible = flowScope(scope, release, layer);
        if (ids.size() < 2) {
            throw new IllegalArgumentException("Choose at least two districts for a matrix.");
        }
        Map<Long, District> all = layer == null ? Map.of() : byId(districtsOf(layer));
        if (!ids.stream().allMatch(id -> all.containsKey(id) && visible.covers(id))) {
            throw refuse(scope, action, what, "Your licence does not cover every chosen district for the period of the commuting data.");
        }
        int k = minimumCrowd(scope, release);
        List<District> districts = ids.stream().map(all::get).toList();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        List<List<Long>> cells = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            cells.add(new ArrayList<>(java.util.Collections.nCopies(ids.size(), (Long) null)));
        }
        db.select(COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS)
                .from(COMMUTING_OD)
                .where(COMMUTING_OD.RELEASE_ID.eq(release.id()))
                .and(COMMUTING_OD.HOME_AREA_ID.in(ids)).and(COMMUTING_OD.WORK_AREA_ID.in(ids))
                .forEach(r -> {
                    if (r.value3() >= k) {
                        cells.get(index.get(r.value1())).set(index.get(r.value2()), (long) r.value3());
                    }
                });
        OdMatrix matrix = new OdMatrix(release, k, districts, cells);
        if (matrix.shownCells() == 0) {
            throw block(scope, action, what, "No pair of the chosen districts has " + k + " or more commuters in this release:"
                    + " add districts, or choose larger or busier ones.");
        }
        return matrix;
    }

    /** Average passes per day along one corridor between two dates, by hour of entry, direction and day type. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public CorridorCounts corridorCounts(long corridorId, LocalDate from, LocalDate to) {
        LicenceScope scope = licences.scopeFor(Dataset.COMMUTING);
        ReleaseSummary release = servedRelease();
        String what = "corridor " + corridorId + " " + from + ".." + to + " release=" + release.id();
        CorridorCounts counts = corridorCounts(scope, release, corridorId, from, to, what, AuditAction.QUERY);
        CrowdLensUser user = currentUser.require();
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.SUCCESS, what,
                counts.shownCount(), counts.hiddenCount());
        return counts;
    }

    /** The corridor counts as CSV: one row per day type, direction and hour of entry (suppressed flagged). */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportCorridorCounts(long corridorId, LocalDate from, LocalDate to, ExportTarget target)
            throws IOException {
        LicenceScope scope = licences.scopeFor(Dataset.COMMUTING);
        ReleaseSummary release = servedRelease();
        String what = "corridor " + corridorId + " " + from + ".." + to + " release=" + release.id() + " as CSV";
        CorridorCounts counts = corridorCounts(scope, release, corridorId, from, to, what, AuditAction.EXPORT);
        CrowdLensUser user = currentUser.require();
        CsvExportWriter csv = CsvExportWriter.start(target,
                ExportFileName.csv("commuting", "corridor", counts.corridor().name(), from + "-to-" + to, "release",
                        String.valueOf(release.id())),
                metadata(user, release, counts.minimumCrowd(), counts.describe()),
                List.of(ExportColumn.text("corridor"), ExportColumn.text("day_type"), ExportColumn.number("days"),
                        ExportColumn.text("direction"), ExportColumn.number("hour_of_day"),
                        ExportColumn.figure("average_passes_per_day")));
        for (DayType type : DayType.values()) {
            int days = counts.days().getOrDefault(type, 0);
            if (days == 0) {
                continue;
            }
            for (TravelDirection direction : TravelDirection.values()) {
                for (int hour = 0; hour < 24; hour++) {
                    Double average = counts.average(type, direction, hour);
                    csv.row(counts.corridor().name(), type.name().toLowerCase(java.util.Locale.ROOT), days,
                            direction.name().toLowerCase(java.util.Locale.ROOT), hour,
                            average == null ? null : java.math.BigDecimal.valueOf(average).setScale(1, java.math.RoundingMode.HALF_UP));
                }
            }
        }
        ExportSummary summary = csv.finish();
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.EXPORT, AuditOutcome.SUCCESS, what,
                (int) summary.figuresShown(), (int) summary.figuresSuppressed());
        return summary;
    }

    private CorridorCounts corridorCounts(LicenceScope scope, ReleaseSummary release, long corridorId, LocalDate from,
            LocalDate to, String what, AuditAction action) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The period starts after it ends.");
        }
        CorridorLine corridor = corridorsOf(release).stream().filter(c -> c.id() == corridorId).findFirst()
                .orElseThrow(() -> refuse(scope, action, what, "This corridor is not part of the commuting data you may see."));
        List<LicenceGrant> grants = corridorGrants(scope, layerOf(release));
        boolean licensed = !grants.isEmpty() && from.datesUntil(to.plusDays(1))
                .allMatch(day -> grants.stream().anyMatch(g -> g.covers(day)));
        if (!licensed || from.isBefore(release.periodFrom()) || to.isAfter(release.periodTo())) {
            throw refuse(scope, action, what, "Your licence does not cover corridor counts from " + from + " to " + to + ".");
        }
        int k = minimumCrowd(scope, release);
        Map<DayType, Integer> days = new EnumMap<>(DayType.class);
        from.datesUntil(to.plusDays(1)).forEach(day -> days.merge(DayType.of(day), 1, Integer::sum));
        Map<DayType, Map<TravelDirection, Map<Integer, Long>>> sums = new EnumMap<>(DayType.class);
        db.select(CORRIDOR_PASS.LOCAL_DAY, CORRIDOR_PASS.HOUR_OF_DAY, CORRIDOR_PASS.DIRECTION, CORRIDOR_PASS.PASSES,
                        CORRIDOR_PASS.DEVICES)
                .from(CORRIDOR_PASS)
                .where(CORRIDOR_PASS.RELEASE_ID.eq(release.id()))
                .and(CORRIDOR_PASS.CORRIDOR_ID.eq(corridorId))
                .and(CORRIDOR_PASS.LOCAL_DAY.between(from, to))
                .forEach(r -> {
                    // a day's figure counts only when its devices reach this partner's k
                    if (r.value5() >= k) {
                        sums.computeIfAbsent(DayType.of(r.value1()), t -> new EnumMap<>(TravelDirection.class))
                                .computeIfAbsent(TravelDirection.valueOf(r.value3()), d -> new TreeMap<>())
                                .merge((int) r.value2(), (long) r.value4(), Long::sum);
                    }
                });
        Map<DayType, Map<TravelDirection, Map<Integer, Double>>> averages = new EnumMap<>(DayType.class);
        int shown = 0;
        int hidden = 0;
        for (DayType type : DayType.values()) {
            int dayCount = days.getOrDefault(type, 0);
            for (TravelDirection direction : TravelDirection.values()) {
                Map<Integer, Double> hours = new TreeMap<>();
                for (int hour = 0; hour < 24 && dayCount > 0; hour++) {
                    Long sum = sums.getOrDefault(type, Map.of()).getOrDefault(direction, Map.of()).get(hour);
                    double average = sum == null ? 0 : sum / (double) dayCount;
                    if (average >= k) {
                        hours.put(hour, average);
                        shown++;
                    } else {
                        hidden++;
                    }
                }
                averages.computeIfAbsent(type, t -> new EnumMap<>(TravelDirection.class)).put(direction, hours);
            }
        }
        if (shown == 0) {
            throw block(scope, action, what, "Fewer than " + k + " passes per day in every hour of this selection: choose a"
                    + " longer period or a busier corridor.");
        }
        return new CorridorCounts(release, k, corridor, from, to, days, averages, shown, hidden);
    }

    /**
     * Sum of the published departure buckets of the listed pairs (each of at least k devices; pairs are
     * disjoint groups of devices, so their sums never double count anyone), by hour.
     */
    private Map<Integer, Long> departures(ReleaseSummary release, int k, org.jooq.Condition district,
            List<Long> otherEnds, boolean otherEndIsWork) {
        Map<Integer, Long> byHour = new TreeMap<>();
        if (otherEnds.isEmpty()) {
            return byHour;
        }
        db.select(COMMUTING_DEPARTURE.HOUR_OF_DAY, COMMUTING_DEPARTURE.DEPARTURES, COMMUTING_DEPARTURE.DEVICES)
                .from(COMMUTING_DEPARTURE)
                .where(COMMUTING_DEPARTURE.RELEASE_ID.eq(release.id()))
                .and(district)
                .and((otherEndIsWork ? COMMUTING_DEPARTURE.WORK_AREA_ID : COMMUTING_DEPARTURE.HOME_AREA_ID).in(otherEnds))
                .forEach(r -> {
                    if (r.value3() >= k) {
                        byHour.merge((int) r.value1(), (long) r.value2(), Long::sum);
                    }
                });
        return byHour;
    }

    /** Which areas' flows a partner may see: licences of the release's layer covering its whole period. */
    private record FlowScope(boolean wholeLayer, java.util.Set<Long> areaIds) {
        boolean covers(long areaId) {
            return wholeLayer || areaIds.contains(areaId);
        }
    }

    private static FlowScope flowScope(LicenceScope scope, ReleaseSummary release, String layer) {
        boolean whole = false;
        java.util.Set<Long> areas = new java.util.HashSet<>();
        for (LicenceGrant grant : scope.grants()) {
            if (grant.layerCode().equals(layer) && grant.covers(release.periodFrom()) && grant.covers(release.periodTo())) {
                whole |= grant.wholeLayer();
                areas.addAll(grant.areaIds());
            }
        }
        return new FlowScope(whole, areas);
    }

    private static List<LicenceGrant> corridorGrants(LicenceScope scope, String layer) {
        return scope.grants().stream().filter(g -> g.wholeLayer() && g.layerCode().equals(layer)).toList();
    }

    private ReleaseSummary servedRelease() {
        return releases.current(Dataset.COMMUTING)
                .orElseThrow(() -> new IllegalStateException("No commuting data has been published yet."));
    }

    /** The layer of a release's home and work areas (null when the release has no flows at all). */
    private String layerOf(ReleaseSummary release) {
        return db.select(COMMUTING_OD.LAYER_CODE).from(COMMUTING_OD)
                .where(COMMUTING_OD.RELEASE_ID.eq(release.id())).limit(1)
                .fetchOptional(COMMUTING_OD.LAYER_CODE).orElse(null);
    }

    private List<District> districtsOf(String layer) {
        return db.select(AREA.ID, AREA.CODE, AREA.NAME, AREA.GEOMETRY, AREA.CENTROID_LAT, AREA.CENTROID_LON)
                .from(AREA).where(AREA.LAYER_CODE.eq(layer)).orderBy(AREA.NAME, AREA.ID)
                .fetch(Records.mapping(District::new));
    }

    private List<CorridorLine> corridorsOf(ReleaseSummary release) {
        return db.select(CORRIDOR.ID, CORRIDOR.CODE, CORRIDOR.NAME, CORRIDOR.GEOMETRY, CORRIDOR.BUFFER_METRES,
                        CORRIDOR.CELL_COUNT)
                .from(CORRIDOR).where(CORRIDOR.RELEASE_ID.eq(release.id())).orderBy(CORRIDOR.NAME, CORRIDOR.ID)
                .fetch(Records.mapping(CorridorLine::new));
    }

    private static Map<Long, District> byId(List<District> districts) {
        Map<Long, District> byId = new LinkedHashMap<>();
        districts.forEach(d -> byId.put(d.id(), d));
        return byId;
    }

    private ExportMetadata metadata(CrowdLensUser user, ReleaseSummary release, int k, String contents) {
        return new ExportMetadata(contents, user.organisationName(), Dataset.COMMUTING.label(), release.id(),
                release.periodFrom(), release.periodTo(), release.timeZone(), k, OffsetDateTime.now(clock));
    }

    private static int minimumCrowd(LicenceScope scope, ReleaseSummary release) {
        return Math.max(scope.minimumCrowd(), release.minimumCrowd());
    }

    private AccessDeniedException refuse(LicenceScope scope, AuditAction action, String what, String message) {
        CrowdLensUser user = currentUser.require();
        audit.record(user.username(), scope.organisationId(), action, AuditOutcome.DENIED, what);
        return new AccessDeniedException(message);
    }

    private SelectionBlockedException block(LicenceScope scope, AuditAction action, String what, String message) {
        CrowdLensUser user = currentUser.require();
        audit.recordFigures(user.username(), scope.organisationId(), action, AuditOutcome.BLOCKED, what, 0, 0);
        return new SelectionBlockedException(message);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
