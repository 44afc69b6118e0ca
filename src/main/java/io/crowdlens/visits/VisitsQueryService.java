package io.crowdlens.visits;

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
import io.crowdlens.visits.PublishedVisits.DayRow;
import io.crowdlens.visits.PublishedVisits.DwellRow;
import io.crowdlens.visits.PublishedVisits.HourRow;
import io.crowdlens.visits.PublishedVisits.LoyaltyRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one choke point for visitors figures (DESIGN.md): licence scope (a site is licensed when it lies in
 * a licensed area of a visits licence's layer, docs/decisions/009), only the published pre-aggregates of
 * the served release, the k re-check on every combined figure, blocking of selections that would show
 * nothing, and an audit record for every question. Figures are always per site: unique visitors are never
 * added up across sites, hours or days into a larger unique count.
 */
@Service
public class VisitsQueryService {

    private final PublishedVisits published;
    private final LicenceScopeService licences;
    private final ReleaseCatalogue releases;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    public VisitsQueryService(PublishedVisits published, LicenceScopeService licences, ReleaseCatalogue releases,
            CurrentUser currentUser, AuditLog audit) {
        this.published = published;
        this.licences = licences;
        this.releases = releases;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The licensed sites of the served release and the days this user may choose from. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitsChoices choices() {
        LicenceScope scope = licences.scopeFor(Dataset.VISITS);
        Optional<ReleaseSummary> release = releases.current(Dataset.VISITS);
        if (release.isEmpty() || scope.isEmpty()) {
            return new VisitsChoices(release, List.of(), null, null);
        }
        ReleaseSummary r = release.get();
        List<VisitSite> all = published.sites(r.id());
        Map<Long, Map<String, Long>> areas = published.areasOfSites(all.stream().map(VisitSite::id).toList());
        List<VisitSite> sites = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (VisitSite site : all) {
            for (LicenceGrant grant : scope.grants()) {
                LocalDate from = later(grant.dataFrom(), r.periodFrom());
                LocalDate to = earlier(grant.dataTo(), r.periodTo());
                if (covers(grant, areas.get(site.id())) && !from.isAfter(to)) {
                    if (sites.isEmpty() || sites.getLast().id() != site.id()) {
                        sites.add(site);
                    }
                    first = first == null ? from : earlier(first, from);
                    last = last == null ? to : later(last, to);
                }
            }
        }
        return new VisitsChoices(release, sites, first, last);
    }

    /** Average unique visitors in each local hour of the day, weekdays and weekend days apart, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Hour> hourlyProfile(VisitsSelection selection) {
        List<LocalDate> weekdays = selection.dates().stream().filter(d -> !VisitsSelection.isWeekend(d)).toList();
        List<LocalDate> weekends = selection.dates().stream().filter(VisitsSelection::isWeekend).toList();
        return answer("hourly-profile", "hour", selection, (question, site) -> {
            long[][] sums = new long[2][24];
            for (HourRow row : question.hourly(site)) {
                sums[VisitsSelection.isWeekend(row.day()) ? 1 : 0][row.hour()] += row.visitors();
            }
            List<VisitorFigures.Hour> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hours.add(new VisitorFigures.Hour(h, question.atLeastK(average(sums[0][h], weekdays.size())),
                        question.atLeastK(average(sums[1][h], weekends.size()))));
            }
            return hours;
        }, h -> Arrays.asList(h.weekdayAverage(), h.weekendAverage()),
                k -> "Average unique visitors in each hour of the day (local time), over the " + weekdays.size()
                        + " weekdays and " + weekends.size() + " weekend days of " + selection.from() + " to "
                        + selection.to() + "; hours with fewer than " + k + " visitors count as zero");
    }

    /** Unique visitors on each day of the period, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Day> dailyVisitors(VisitsSelection selection) {
        return answer("daily", "day", selection, (question, site) -> {
            Map<LocalDate, Integer> byDay = new HashMap<>();
            question.daily(site).forEach(row -> byDay.put(row.day(), row.visitors()));
            return selection.dates().stream()
                    .map(day -> new VisitorFigures.Day(day, question.atLeastK(toLong(byDay.get(day))))).toList();
        }, d -> Collections.singletonList(d.visitors()),
                k -> "Unique visitors per day (devices that stayed at least the minimum dwell), " + selection.from()
                        + " to " + selection.to());
    }

    /** Visits (stays) by how long they lasted, begun in the period, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Dwell> dwellDistribution(VisitsSelection selection) {
        return answer("dwell", "length of stay", selection, (question, site) -> {
            Map<Integer, Long> visits = new HashMap<>();
            for (DwellRow row : question.dwell(site)) {
                // a row whose devices are below this partner's k does not count towards a combined figure
                if (row.visitors() >= question.k()) {
                    visits.merge(row.fromMinutes(), (long) row.visits(), Long::sum);
                }
            }
            List<VisitorFigures.Dwell> buckets = new ArrayList<>();
            question.dwellBuckets().forEach((from, to) ->
                    buckets.add(new VisitorFigures.Dwell(from, to, question.atLeastK(visits.get(from)))));
            return buckets;
        }, d -> Collections.singletonList(d.visits()),
                k -> "Visits (stays of at least the minimum dwell) by length of stay, begun " + selection.from()
                        + " to " + selection.to() + ", summed over the days; days with fewer than " + k
                        + " visitors in a length count as zero");
    }

    /** Each day's unique visitors split into first-time and returning visitors, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Loyalty> firstTimeAndReturning(VisitsSelection selection) {
        return answer("first-time-returning", "day", selection, (question, site) -> {
            Map<LocalDate, LoyaltyRow> byDay = new HashMap<>();
            question.loyalty(site).forEach(row -> byDay.put(row.day(), row));
            return selection.dates().stream().map(day -> {
                LoyaltyRow row = byDay.get(day);
                Long first = row == null ? null : question.atLeastK((long) row.firstTime());
                Long returning = row == null ? null : question.atLeastK((long) row.returning());
                // the two add up to the day's visitors: one alone would give the other away
                boolean both = first != null && returning != null;
                return new VisitorFigures.Loyalty(day, both ? first : null, both ? returning : null);
            }).toList();
        }, l -> Arrays.asList(l.firstTime(), l.returning()),
                k -> "Unique visitors per day: first-time (their first stay at the site since "
                        + "the release period began) and returning (seen there on an earlier day), " + selection.from()
                        + " to " + selection.to() + "; a day shows both or neither");
    }

    /**
     * Catchment: unique visitors over the whole release period by home area (every area of the home layer,
     * per site). Covers the release period whatever period is chosen, so the licence must cover all of it.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Home> catchment(List<Long> siteIds) {
        ReleaseSummary release = releases.current(Dataset.VISITS)
                .orElseThrow(() -> new IllegalStateException("No visitors data has been published yet."));
        VisitsSelection period = new VisitsSelection(siteIds, release.periodFrom(), release.periodTo());
        Optional<Map.Entry<String, String>> layer = published.catchmentLayers(release.id()).entrySet().stream().findFirst();
        Map<Long, String> areas = layer.map(l -> published.areaNames(l.getKey())).orElse(Map.of());
        return answer("catchment", "home area", period, (question, site) -> {
            Map<Long, Integer> visitors = new HashMap<>();
            layer.ifPresent(l -> published.catchment(release.id(), List.of(site.id()), l.getKey())
                    .forEach(row -> visitors.put(row.areaId(), row.visitors())));
            List<VisitorFigures.Home> homes = new ArrayList<>();
            areas.forEach((id, name) ->
                    homes.add(new VisitorFigures.Home(id, name, question.atLeastK(toLong(visitors.get(id))))));
            return homes;
        }, h -> Collections.singletonList(h.visitors()),
                k -> "Catchment: unique visitors over the whole release period " + release.periodFrom() + " to "
                        + release.periodTo() + " by home area" + layer.map(l -> " (" + l.getValue().toLowerCase(Locale.ROOT) + ")")
                        .orElse("") + ", where they spend most nights; visitors without a known home are not shown");
    }

    /** The areas of the catchment's home layer with their outlines, for the choropleth (reference geography). */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<HomeArea> catchmentAreas() {
        return releases.current(Dataset.VISITS)
                .flatMap(r -> published.catchmentLayers(r.id()).keySet().stream().findFirst())
                .map(published::areaOutlines)
                .orElse(List.of());
    }

    /** The context one question is answered in: the release, this partner's k, and the rows of the selected sites. */
    final class Question {
        private final ReleaseSummary release;
        private final int k;
        private final VisitsSelection selection;
        private final Map<Long, List<HourRow>> hourly = new HashMap<>();

        Question(ReleaseSummary release, int k, VisitsSelection selection) {
            this.release = release;
            this.k = k;
            this.selection = selection;
        }

        int k() {
            return k;
        }

        Long atLeastK(Long value) {
            return value != null && value >= k ? value : null;
        }

        List<HourRow> hourly(VisitSite site) {
            if (hourly.isEmpty()) {
                published.hourly(release.id(), selection.siteIds(), selection.from(), selection.to())
                        .forEach(r -> hourly.computeIfAbsent(r.siteId(), s -> new ArrayList<>()).add(r));
            }
            return hourly.getOrDefault(site.id(), List.of());
        }

        List<DayRow> daily(VisitSite site) {
            return published.daily(release.id(), List.of(site.id()), selection.from(), selection.to());
        }

        List<DwellRow> dwell(VisitSite site) {
            return published.dwell(release.id(), List.of(site.id()), selection.from(), selection.to());
        }

        Map<Integer, Integer> dwellBuckets() {
            return published.dwellBuckets(release.id());
        }

        List<LoyaltyRow> loyalty(VisitSite site) {
            return published.loyalty(release.id(), List.of(site.id()), selection.from(), selection.to());
        }
    }

    private <T> VisitorsAnswer<T> answer(String question, String unit, VisitsSelection selection,
            BiFunction<Question, VisitSite, List<T>> rowsOf, Function<T, List<Long>> figuresOf,
            Function<Integer, String> description) {
        LicenceScope scope = licences.scopeFor(Dataset.VISITS);
        ReleaseSummary release = releases.current(Dataset.VISITS)
                .orElseThrow(() -> new IllegalStateException("No visitors data has been published yet."));
        List<VisitSite> sites = licensedSites(scope, release, selection, question);
        int k = Math.max(scope.minimumCrowd(), release.minimumCrowd());
        Question context = new Question(release, k, selection);
        List<SiteFigures<T>> perSite = new ArrayList<>();
        int shown = 0;
        int suppressed = 0;
        for (VisitSite site : sites) {
            List<T> rows = rowsOf.apply(context, site);
            for (T row : rows) {
                for (Long figure : figuresOf.apply(row)) {
                    if (figure == null) {
                        suppressed++;
                    } else {
                        shown++;
                    }
                }
            }
            perSite.add(new SiteFigures<>(site, rows));
        }
        CrowdLensUser user = currentUser.require();
        if (shown == 0) {
            audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.BLOCKED,
                    selection.describe(question) + " release=" + release.id(), 0, suppressed);
            throw new VisitsBlockedException(k, unit);
        }
        audit.recordFigures(user.username(), user.organisationId(), AuditAction.QUERY, AuditOutcome.SUCCESS,
                selection.describe(question) + " release=" + release.id(), shown, suppressed);
        String text = description.apply(k) + ". Release " + release.id() + ", minimum crowd k = " + k + ".";
        return new VisitorsAnswer<>(release, k, selection, perSite, text, shown, suppressed);
    }

    /** The selected sites, each licensed by one licence for the whole period, or a refusal (audited). */
    private List<VisitSite> licensedSites(LicenceScope scope, ReleaseSummary release, VisitsSelection selection,
            String question) {
        Map<Long, VisitSite> inRelease = new HashMap<>();
        published.sites(release.id()).forEach(s -> inRelease.put(s.id(), s));
        Map<Long, Map<String, Long>> areas = published.areasOfSites(selection.siteIds());
        List<VisitSite> sites = new ArrayList<>();
        for (long siteId : selection.siteIds()) {
            VisitSite site = inRelease.get(siteId);
            boolean licensed = site != null && scope.grants().stream().anyMatch(g -> covers(g, areas.get(siteId))
                    && g.covers(selection.from()) && g.covers(selection.to()));
            if (!licensed) {
                throw refuse(scope, selection.describe(question), "Your licence does not cover "
                        + (site == null ? "this site" : site.name()) + " from " + selection.from() + " to "
                        + selection.to() + ".");
            }
            sites.add(site);
        }
        return sites;
    }

    /** A visits licence covers a site that lies in a licensed area of the licence's layer. */
    private static boolean covers(LicenceGrant grant, Map<String, Long> areaOfSiteByLayer) {
        Long area = areaOfSiteByLayer == null ? null : areaOfSiteByLayer.get(grant.layerCode());
        return area != null && (grant.wholeLayer() || grant.areaIds().contains(area));
    }

    private AccessDeniedException refuse(LicenceScope scope, String what, String message) {
        CrowdLensUser user = currentUser.require();
        audit.record(user.username(), scope.organisationId(), AuditAction.QUERY, AuditOutcome.DENIED, what);
        return new AccessDeniedException(message);
    }

    private static Long average(long sum, int days) {
        return days == 0 || sum == 0 ? null : Math.round(sum / (double) days);
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
