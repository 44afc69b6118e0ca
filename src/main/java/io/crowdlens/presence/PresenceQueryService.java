package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
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

    public PresenceQueryService(DSLContext db, LicenceScopeService licences, ReleaseCatalogue releases,
            CurrentUser currentUser, AuditLog audit) {
        this.db = db;
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
        LicenceScope scope = licences.scopeFor(Dataset.PRESENCE);
        LicensedAreas licensed = licensedAreasCovering(scope, selection);
        ReleaseSummary release = releases.current(Dataset.PRESENCE)
                .orElseThrow(() -> new IllegalStateException("No presence data has been published yet."));
        int k = Math.max(scope.minimumCrowd(), release.minimumCrowd());
        List<LocalDate> dates = selection.dates();
        int hours = dates.size() * selection.hoursPerDay();

        Map<Long, long[]> sumAndPeak = new LinkedHashMap<>();
        if (!dates.isEmpty()) {
            db.select(PRESENCE_HOURLY.AREA_ID, sum(PRESENCE_HOURLY.DEVICES), max(PRESENCE_HOURLY.DEVICES))
                    .from(PRESENCE_HOURLY)
                    .where(PRESENCE_HOURLY.RELEASE_ID.eq(release.id()))
                    .and(PRESENCE_HOURLY.LAYER_CODE.eq(selection.layer()))
                    .and(PRESENCE_HOURLY.LOCAL_DAY.in(dates))
                    .and(hoursOfDay(selection))
                    .groupBy(PRESENCE_HOURLY.AREA_ID)
                    .forEach(r -> sumAndPeak.put(r.value1(), new long[] {r.value2().longValue(), r.value3()}));
        }
        List<AreaFigure> figures = new ArrayList<>();
        db.select(AREA.ID, AREA.NAME).from(AREA).where(AREA.LAYER_CODE.eq(selection.layer())).orderBy(AREA.NAME)
                .forEach(r -> {
                    if (licensed.includes(r.value1())) {
                        figures.add(new AreaFigure(r.value1(), r.value2(),
                                combined(sumAndPeak.get(r.value1()), selection.metric(), hours, k)));
                    }
                });
        Heatmap heatmap = new Heatmap(release, k, selection, hours, figures);
        CrowdLensUser user = currentUser.require();
        int shown = figures.size() - (int) heatmap.suppressedCount();
        if (shown == 0) {
            audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.BLOCKED,
                    selection.describe(), 0, figures.size());
            throw new SelectionBlockedException(k);
        }
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.SUCCESS,
                selection.describe() + " release=" + release.id(), shown, (int) heatmap.suppressedCount());
        return heatmap;
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

    private static Condition hoursOfDay(PresenceSelection selection) {
        return PRESENCE_HOURLY.HOUR_OF_DAY.between((short) selection.firstHour(), (short) selection.lastHour());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
