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
import io.crowdlens.licensing.LicenceScope;
import io.crowdlens.privacy.Breakdown;
import io.crowdlens.privacy.Cells;
import io.crowdlens.privacy.Combination;
import io.crowdlens.common.Figure;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.release.ReleaseSummary;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commuter flow questions partners ask (flows of a district, the OD matrix of chosen districts,
 * and their CSV), each answered through the {@link FigureGate}. Corridors have their own service
 * ({@link CorridorQueryService}).
 *
 * <p>Scope (docs/commuting.md, decision 014): flows are per release period, so a licence must cover
 * the whole period; a flow is visible when the licence covers its home or its work area.
 */
@Service
@Transactional(readOnly = true)
public class CommutingQueryService {

    private final FigureGate gate;
    private final PublishedCommuting published;

    public CommutingQueryService(FigureGate gate, PublishedCommuting published) {
        this.gate = gate;
        this.published = published;
    }

    /** The districts and corridors this user may choose, and the days it may compare corridors on. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public CommutingChoices choices() {
        return gate.choices(Dataset.COMMUTING, (scope, current) -> {
            if (current.isEmpty()) {
                return new CommutingChoices(current, "", List.of(), List.of(), null, null, scope.minimumCrowd());
            }
            ReleaseSummary release = current.get();
            String layer = published.layerOf(release.id()).orElse(null);
            String layerName = layer == null ? "" : published.layerName(layer);
            List<District> districts = layer == null ? List.of() : published.districtsOf(layer).stream()
                    .filter(d -> flowScope(scope, release, layer).covers(d.id())).toList();
            LocalDate first = null;
            LocalDate last = null;
            List<CorridorLine> corridors = List.of();
            List<LicenceGrant> corridorGrants = corridorGrants(scope, layer);
            for (LicenceGrant grant : corridorGrants) {
                LocalDate from = max(grant.dataFrom(), release.periodFrom());
                LocalDate to = min(grant.dataTo(), release.periodTo());
                if (!from.isAfter(to)) {
                    first = first == null ? from : min(first, from);
                    last = last == null ? to : max(last, to);
                }
            }
            if (first != null) {
                corridors = published.corridorsOf(release.id());
            }
            return new CommutingChoices(current, layerName, districts, corridors, first, last,
                    Math.max(scope.minimumCrowd(), release.minimumCrowd()));
        });
    }

    /** Flows into and out of one district, and when they usually leave home on weekdays. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public DistrictFlows flowsOf(long districtId) {
        return gate.ask(Dataset.COMMUTING, "commuter flows of area " + districtId,
                "choose a larger or busier district", partner -> flows(partner, districtId,
                        "commuter flows of area " + districtId));
    }

    /**
     * The district's origin-destination table as CSV: one row per other district and direction, with
     * the commuters where the pair is shown and a suppressed flag where not (below k and nobody read the
     * same). No total rows: a reader's sums are sums of shown figures.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportFlows(long districtId, ExportTarget target) throws IOException {
        String what = "commuter flows of area " + districtId + " as CSV";
        return gate.export(Dataset.COMMUTING, what, "choose a larger or busier district", target, partner -> {
            DistrictFlows flows = flows(partner, districtId, what);
            ReleaseSummary release = partner.release();
            District district = flows.district();
            Map<Long, Figure> out = new HashMap<>();
            flows.outbound().forEach(f -> out.put(f.work().id(), f.commuters()));
            Map<Long, Figure> in = new HashMap<>();
            flows.inbound().forEach(f -> in.put(f.home().id(), f.commuters()));
            List<District> others = published.districtsOf(published.layerOf(release.id()).orElseThrow()).stream()
                    .filter(d -> d.id() != districtId).toList();
            String contents = "Commuters (devices living in one district and working in the other, "
                    + release.periodFrom() + " to " + release.periodTo() + ") between " + district.name()
                    + " and every other district, in both directions. Pairs below the minimum crowd of "
                    + flows.minimumCrowd() + " are flagged suppressed. No totals: a sum of the figures is a sum of"
                    + " shown pairs only. " + release.figureSentence() + ".";
            return new FigureGate.ExportPlan(
                    ExportFileName.csv("commuting", "flows", district.name(),
                            release.periodFrom() + "-to-" + release.periodTo(), "release", String.valueOf(release.id())),
                    contents, release.periodFrom(), release.periodTo(),
                    List.of(ExportColumn.text("direction"), ExportColumn.number("home_area_id"),
                            ExportColumn.text("home_area"), ExportColumn.number("work_area_id"),
                            ExportColumn.text("work_area"), ExportColumn.figure("commuters")),
                    out.size() + in.size(), (CsvExportWriter csv) -> {
                        for (District other : rankedBy(others, out)) {
                            csv.row("outbound", district.id(), district.name(), other.id(), other.name(),
                                    out.getOrDefault(other.id(), Figure.hidden()));
                        }
                        for (District other : rankedBy(others, in)) {
                            csv.row("inbound", other.id(), other.name(), district.id(), district.name(),
                                    in.getOrDefault(other.id(), Figure.hidden()));
                        }
                    });
        });
    }

    /**
     * The district's shown pairs, their totals (sums of the pairs shown) and the usual departure hours of
     * their commuters (sums over the shown pairs of the hour figures at k). The hours of a pair add up to
     * its commuters, so where exactly one hour figure is hidden behind the shown pairs, {@link Breakdown}
     * decides whether a second hour must be hidden too.
     */
    private DistrictFlows flows(Partner partner, long districtId, String what) {
        ReleaseSummary release = partner.release();
        String layer = published.layerOf(release.id()).orElse(null);
        FlowScope visible = flowScope(partner.scope(), release, layer);
        Map<Long, District> districts = layer == null ? Map.of() : byId(published.districtsOf(layer));
        District district = districts.get(districtId);
        if (district == null || !visible.covers(districtId)) {
            throw partner.refuse(what, "Your licence does not cover this district for the period of the commuting data.");
        }
        Cells pairCells = partner.cells(FigureFamily.COMMUTING_OD);
        List<Flow> outbound = new ArrayList<>();
        List<Flow> inbound = new ArrayList<>();
        for (PublishedCommuting.PairRow row : published.pairsOf(release.id(), districtId)) {
            Figure commuters = pairCells.single(row.commuters());
            if (commuters.shown()) {
                Flow flow = new Flow(districts.get(row.homeId()), districts.get(row.workId()), commuters);
                (row.homeId() == districtId ? outbound : inbound).add(flow);
            }
        }
        Comparator<Flow> largestFirst = Comparator.comparingLong(Flow::rounded).reversed()
                .thenComparing(f -> f.home().name()).thenComparing(f -> f.work().name());
        outbound.sort(largestFirst);
        inbound.sort(largestFirst);
        Figure outboundTotal = total(pairCells, outbound);
        Figure inboundTotal = total(pairCells, inbound);
        Cells hourCells = partner.cells(FigureFamily.COMMUTING_DEPARTURE);
        Set<Long> shownWork = new HashSet<>();
        outbound.forEach(f -> shownWork.add(f.work().id()));
        Set<Long> shownHome = new HashSet<>();
        inbound.forEach(f -> shownHome.add(f.home().id()));
        Map<Integer, Combination> residents = hours(hourCells);
        Map<Integer, Combination> workers = hours(hourCells);
        for (PublishedCommuting.DepartureRow row : published.departuresOf(release.id(), districtId)) {
            if (row.homeId() == districtId && shownWork.contains(row.workId())) {
                residents.get(row.hour()).add(row.commuters());
            } else if (row.workId() == districtId && shownHome.contains(row.homeId())) {
                workers.get(row.hour()).add(row.commuters());
            }
        }
        return new DistrictFlows(release, partner.k(), district, outbound, inbound, outboundTotal, inboundTotal,
                departureHours(residents, outboundTotal, outbound.size(), partner.k()),
                departureHours(workers, inboundTotal, inbound.size(), partner.k()));
    }

    private static Figure total(Cells cells, List<Flow> flows) {
        Combination sum = cells.sum();
        flows.forEach(f -> sum.add(f.commuters().rounded()));
        return flows.isEmpty() ? Figure.hidden() : sum.figure();
    }

    private static Map<Integer, Combination> hours(Cells cells) {
        Map<Integer, Combination> hours = new TreeMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.put(hour, cells.sum());
        }
        return hours;
    }

    private static Map<Integer, Figure> departureHours(Map<Integer, Combination> hours, Figure total, int pairs, int k) {
        int used = hours.values().stream().mapToInt(Combination::used).sum();
        List<Figure> parts = hours.values().stream().map(Combination::figure).toList();
        List<Figure> shown = Breakdown.protect(pairs == 0 ? null : total, parts, 24 * pairs - used, k);
        Map<Integer, Figure> byHour = new TreeMap<>();
        for (int hour = 0; hour < 24; hour++) {
            byHour.put(hour, shown.get(hour));
        }
        return byHour;
    }

    /** Districts with a figure first, largest first, then the others by name. */
    private static List<District> rankedBy(List<District> districts, Map<Long, Figure> figures) {
        return districts.stream()
                .sorted(Comparator.<District>comparingLong(d -> figures.containsKey(d.id())
                                ? -figures.get(d.id()).rounded() : 1)
                        .thenComparing(District::name))
                .toList();
    }

    /** Commuters between every ordered pair of the chosen districts, with totals of the cells shown. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public OdMatrix matrix(Collection<Long> districtIds) {
        List<Long> ids = districtIds.stream().distinct().toList();
        String what = "commuter matrix of areas " + ids;
        return gate.ask(Dataset.COMMUTING, what, "add districts, or choose larger or busier ones",
                partner -> matrixOf(partner, ids, what));
    }

    /**
     * The matrix of the chosen districts as CSV, one row per ordered pair (home, work) in the order
     * given: pairs below the partner's k are flagged suppressed, never 0. No totals: the file says a
     * sum of its figures is a sum of shown pairs only.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportMatrix(Collection<Long> districtIds, ExportTarget target) throws IOException {
        List<Long> ids = districtIds.stream().distinct().toList();
        String what = "commuter matrix of areas " + ids + " as CSV";
        return gate.export(Dataset.COMMUTING, what, "add districts, or choose larger or busier ones", target,
                partner -> {
                    OdMatrix matrix = matrixOf(partner, ids, what);
                    ReleaseSummary release = partner.release();
                    String contents = "Commuters (devices living in the home district and working in the work"
                            + " district, " + release.periodFrom() + " to " + release.periodTo() + ") between every"
                            + " ordered pair of " + matrix.districts().stream().map(District::name).toList()
                            + ". Pairs below the minimum crowd of " + matrix.minimumCrowd() + " are flagged suppressed."
                            + " No totals: a sum of the figures is a sum of shown pairs only. "
                            + release.figureSentence() + ".";
                    return new FigureGate.ExportPlan(
                            ExportFileName.csv("commuting", "matrix", matrix.districts().size() + "-districts",
                                    release.periodFrom() + "-to-" + release.periodTo(), "release",
                                    String.valueOf(release.id())),
                            contents, release.periodFrom(), release.periodTo(),
                            List.of(ExportColumn.number("home_area_id"), ExportColumn.text("home_area"),
                                    ExportColumn.number("work_area_id"), ExportColumn.text("work_area"),
                                    ExportColumn.figure("commuters")),
                            matrix.shownCells(), (CsvExportWriter csv) -> {
                                for (int home = 0; home < matrix.districts().size(); home++) {
                                    for (int work = 0; work < matrix.districts().size(); work++) {
                                        if (home != work) {
                                            District from = matrix.districts().get(home);
                                            District to = matrix.districts().get(work);
                                            csv.row(from.id(), from.name(), to.id(), to.name(), matrix.cell(home, work));
                                        }
                                    }
                                }
                            });
                });
    }

    /** The matrix with the partner's k applied; refused outside the licence. */
    private OdMatrix matrixOf(Partner partner, List<Long> ids, String what) {
        ReleaseSummary release = partner.release();
        String layer = published.layerOf(release.id()).orElse(null);
        FlowScope visible = flowScope(partner.scope(), release, layer);
        if (ids.size() < 2) {
            throw new IllegalArgumentException("Choose at least two districts for a matrix.");
        }
        Map<Long, District> all = layer == null ? Map.of() : byId(published.districtsOf(layer));
        if (!ids.stream().allMatch(id -> all.containsKey(id) && visible.covers(id))) {
            throw partner.refuse(what,
                    "Your licence does not cover every chosen district for the period of the commuting data.");
        }
        Cells cells = partner.cells(FigureFamily.COMMUTING_OD);
        List<District> districts = ids.stream().map(all::get).toList();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        List<List<Figure>> matrix = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            matrix.add(new ArrayList<>(Collections.nCopies(ids.size(), Figure.hidden())));
        }
        for (PublishedCommuting.PairRow row : published.pairsAmong(release.id(), ids)) {
            matrix.get(index.get(row.homeId())).set(index.get(row.workId()), cells.single(row.commuters()));
        }
        return new OdMatrix(release, partner.k(), districts, matrix, cells);
    }

    /** Which areas' flows a partner may see: licences of the release's layer covering its whole period. */
    private record FlowScope(boolean wholeLayer, Set<Long> areaIds) {
        boolean covers(long areaId) {
            return wholeLayer || areaIds.contains(areaId);
        }
    }

    private static FlowScope flowScope(LicenceScope scope, ReleaseSummary release, String layer) {
        boolean whole = false;
        Set<Long> areas = new HashSet<>();
        for (LicenceGrant grant : scope.grants()) {
            if (grant.layerCode().equals(layer) && grant.covers(release.periodFrom()) && grant.covers(release.periodTo())) {
                whole |= grant.wholeLayer();
                areas.addAll(grant.areaIds());
            }
        }
        return new FlowScope(whole, areas);
    }

    /** Corridors cross many areas: they need a whole-layer licence of the commuting layer. */
    static List<LicenceGrant> corridorGrants(LicenceScope scope, String layer) {
        return scope.grants().stream().filter(g -> g.wholeLayer() && g.layerCode().equals(layer)).toList();
    }

    private static Map<Long, District> byId(List<District> districts) {
        Map<Long, District> byId = new LinkedHashMap<>();
        districts.forEach(d -> byId.put(d.id(), d));
        return byId;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
