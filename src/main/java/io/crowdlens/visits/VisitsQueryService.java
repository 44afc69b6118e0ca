package io.crowdlens.visits;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one choke point for visitors figures (DESIGN.md), on screen and in CSV: licence scope (a site is
 * licensed when it lies in a licensed area of a visits licence's layer, docs/decisions/009), only the
 * published pre-aggregates of the served release, the k re-check on every combined figure, blocking of
 * selections that would show nothing, and an audit record for every question and export. Figures are
 * always per site: unique visitors are never added up across sites, hours or days (decision 011).
 */
@Service
public class VisitsQueryService {

    private final PublishedVisits published;
    private final VisitsQuestions questions;
    private final LicenceScopeService licences;
    private final ReleaseCatalogue releases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    public VisitsQueryService(PublishedVisits published, LicenceScopeService licences, ReleaseCatalogue releases,
            CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.published = published;
        this.questions = new VisitsQuestions(published);
        this.licences = licences;
        this.releases = releases;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
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
            boolean licensed = false;
            for (LicenceGrant grant : scope.grants()) {
                LocalDate from = later(grant.dataFrom(), r.periodFrom());
                LocalDate to = earlier(grant.dataTo(), r.periodTo());
                if (covers(grant, areas.get(site.id())) && !from.isAfter(to)) {
                    licensed = true;
                    first = first == null ? from : earlier(first, from);
                    last = last == null ? to : later(last, to);
                }
            }
            if (licensed) {
                sites.add(site);
            }
        }
        return new VisitsChoices(release, sites, first, last);
    }

    /** Average unique visitors in each local hour of the day, weekdays and weekend days apart, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Hour> hourlyProfile(VisitsSelection selection) {
        return ask(questions.hourlyProfile(selection), selection);
    }

    /** Unique visitors on each day of the period, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Day> dailyVisitors(VisitsSelection selection) {
        return ask(questions.dailyVisitors(selection), selection);
    }

    /** Visits (stays) by how long they lasted, begun in the period, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Dwell> dwellDistribution(VisitsSelection selection) {
        return ask(questions.dwellDistribution(selection), selection);
    }

    /** Each day's unique visitors split into first-time and returning visitors, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Loyalty> firstTimeAndReturning(VisitsSelection selection) {
        return ask(questions.firstTimeAndReturning(selection), selection);
    }

    /**
     * Catchment: unique visitors over the whole release period by home area (every area of the home layer,
     * per site). Covers the release period whatever period is chosen, so the licence must cover all of it.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public VisitorsAnswer<VisitorFigures.Home> catchment(List<Long> siteIds) {
        VisitsSelection wholePeriod = wholeReleasePeriod(siteIds);
        return ask(questions.catchment(wholePeriod, currentRelease()), wholePeriod);
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

    /**
     * The hourly profile as CSV: one row per compared item (sites and period), site and hour, with the
     * weekday and weekend averages. Checked and audited like the screen; refused before the file opens.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportHourlyProfile(List<VisitsSelection> items, ExportTarget target) throws IOException {
        return export(items, questions::hourlyProfile, "hourly-visitors", List.of(ExportColumn.number("hour"),
                        ExportColumn.figure("weekday_average_visitors"), ExportColumn.figure("weekend_average_visitors")),
                h -> new Object[] {h.hour(), h.weekdayAverage(), h.weekendAverage()}, target);
    }

    /** Unique visitors per day as CSV, one row per compared item, site and day. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportDailyVisitors(List<VisitsSelection> items, ExportTarget target) throws IOException {
        return export(items, questions::dailyVisitors, "daily-visitors",
                List.of(ExportColumn.date("day"), ExportColumn.figure("visitors")),
                d -> new Object[] {d.day(), d.visitors()}, target);
    }

    /** Visits by length of stay as CSV, one row per compared item, site and dwell bucket. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportDwellDistribution(List<VisitsSelection> items, ExportTarget target) throws IOException {
        return export(items, questions::dwellDistribution, "visits-by-length-of-stay",
                List.of(ExportColumn.number("dwell_from_minutes"), ExportColumn.number("dwell_to_minutes"),
                        ExportColumn.figure("visits")),
                d -> new Object[] {d.fromMinutes(), d.toMinutes(), d.visits()}, target);
    }

    /** First-time and returning visitors per day as CSV, one row per compared item, site and day. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportFirstTimeAndReturning(List<VisitsSelection> items, ExportTarget target)
            throws IOException {
        return export(items, questions::firstTimeAndReturning, "first-time-and-returning-visitors",
                List.of(ExportColumn.date("day"), ExportColumn.figure("first_time_visitors"),
                        ExportColumn.figure("returning_visitors")),
                l -> new Object[] {l.day(), l.firstTime(), l.returning()}, target);
    }

    /** The catchment as CSV: one row per site and home area, over the release period. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public ExportSummary exportCatchment(List<Long> siteIds, ExportTarget target) throws IOException {
        ReleaseSummary release = currentRelease();
        return export(List.of(wholeReleasePeriod(siteIds)), s -> questions.catchment(s, release), "catchment",
                List.of(ExportColumn.number("home_area_id"), ExportColumn.text("home_area"),
                        ExportColumn.figure("visitors")),
                h -> new Object[] {h.areaId(), h.areaName(), h.visitors()}, target);
    }

    /** Answers on screen: computed, then refused when nothing reaches k, audited either way. */
    private <T> VisitorsAnswer<T> ask(VisitsQuestions.Spec<T> spec, VisitsSelection selection) {
        VisitorsAnswer<T> answer = compute(spec, selection, AuditAction.QUERY);
        auditOrBlock(AuditAction.QUERY, spec, List.of(answer));
        return answer;
    }

    private <T> ExportSummary export(List<VisitsSelection> items,
            Function<VisitsSelection, VisitsQuestions.Spec<T>> specOf, String fileTopic,
            List<ExportColumn> figureColumns, Function<T, Object[]> cells, ExportTarget target)
            throws IOException {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to export");
        }
        List<VisitorsAnswer<T>> answers = new ArrayList<>();
        VisitsQuestions.Spec<T> first = null;
        for (VisitsSelection item : items) {
            VisitsQuestions.Spec<T> spec = specOf.apply(item);
            first = first == null ? spec : first;
            answers.add(compute(spec, item, AuditAction.EXPORT));
        }
        auditOrBlock(AuditAction.EXPORT, first, answers);
        VisitorsAnswer<T> any = answers.getFirst();
        LocalDate from = answers.stream().map(a -> a.selection().from()).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = answers.stream().map(a -> a.selection().to()).max(LocalDate::compareTo).orElseThrow();
        List<ExportColumn> columns = new ArrayList<>(List.of(ExportColumn.number("site_id"), ExportColumn.text("site"),
                ExportColumn.date("period_from"), ExportColumn.date("period_to")));
        columns.addAll(figureColumns);
        String sites = answers.stream().flatMap(a -> a.sites().stream()).map(s -> s.site().code()).distinct()
                .collect(Collectors.joining("-"));
        CsvExportWriter writer = CsvExportWriter.start(target,
                ExportFileName.csv("visitors", fileTopic, sites, from.toString(), "to", to.toString(), "release",
                        String.valueOf(any.release().id())),
                new ExportMetadata(answers.stream().map(VisitorsAnswer::description).distinct()
                        .collect(Collectors.joining(" | ")), currentUser.require().organisationName(),
                        Dataset.VISITS.label(), any.release().id(), from, to, any.release().timeZone(),
                        any.minimumCrowd(), OffsetDateTime.now(clock)),
                columns);
        for (VisitorsAnswer<T> answer : answers) {
            for (SiteFigures<T> site : answer.sites()) {
                for (T row : site.rows()) {
                    Object[] figures = cells.apply(row);
                    Object[] values = new Object[4 + figures.length];
                    values[0] = site.site().id();
                    values[1] = site.site().name();
                    values[2] = answer.selection().from();
                    values[3] = answer.selection().to();
                    System.arraycopy(figures, 0, values, 4, figures.length);
                    writer.row(values);
                }
            }
        }
        return writer.finish();
    }

    /**
     * Computes one answer without auditing it: scope first (a refusal is audited as DENIED under
     * {@code action}), then the figures, re-checked against k.
     */
    private <T> VisitorsAnswer<T> compute(VisitsQuestions.Spec<T> spec, VisitsSelection selection, AuditAction action) {
        LicenceScope scope = licences.scopeFor(Dataset.VISITS);
        ReleaseSummary release = currentRelease();
        List<VisitSite> sites = licensedSites(scope, release, selection, spec.name(), action);
        int k = Math.max(scope.minimumCrowd(), release.minimumCrowd());
        VisitsQuestions.Context context = questions.context(release, k, selection);
        List<SiteFigures<T>> perSite = new ArrayList<>();
        int shown = 0;
        int suppressed = 0;
        for (VisitSite site : sites) {
            List<T> rows = spec.rows().apply(context, site);
            for (T row : rows) {
                for (Long figure : spec.figures().apply(row)) {
                    if (figure == null) {
                        suppressed++;
                    } else {
                        shown++;
                    }
                }
            }
            perSite.add(new SiteFigures<>(site, rows));
        }
        String text = spec.description().apply(k) + ". Release " + release.id() + ", minimum crowd k = " + k + ".";
        return new VisitorsAnswer<>(release, k, selection, perSite, text, shown, suppressed);
    }

    private void auditOrBlock(AuditAction action, VisitsQuestions.Spec<?> spec, List<? extends VisitorsAnswer<?>> answers) {
        CrowdLensUser user = currentUser.require();
        int shown = answers.stream().mapToInt(VisitorsAnswer::shown).sum();
        int suppressed = answers.stream().mapToInt(VisitorsAnswer::suppressed).sum();
        String detail = answers.stream().map(a -> a.selection().describe(spec.name()))
                .collect(Collectors.joining("; ")) + " release=" + answers.getFirst().release().id();
        if (shown == 0) {
            audit.recordFigures(user.username(), user.organisationId(), action, AuditOutcome.BLOCKED, detail, 0,
                    suppressed);
            throw new VisitsBlockedException(answers.getFirst().minimumCrowd(), spec.unit());
        }
        audit.recordFigures(user.username(), user.organisationId(), action, AuditOutcome.SUCCESS, detail, shown,
                suppressed);
    }

    private ReleaseSummary currentRelease() {
        return releases.current(Dataset.VISITS)
                .orElseThrow(() -> new IllegalStateException("No visitors data has been published yet."));
    }

    private VisitsSelection wholeReleasePeriod(List<Long> siteIds) {
        ReleaseSummary release = currentRelease();
        return new VisitsSelection(siteIds, release.periodFrom(), release.periodTo());
    }

    /** The selected sites, each licensed by one licence for the whole period, or a refusal (audited). */
    private List<VisitSite> licensedSites(LicenceScope scope, ReleaseSummary release, VisitsSelection selection,
            String question, AuditAction action) {
        Map<Long, VisitSite> inRelease = new HashMap<>();
        published.sites(release.id()).forEach(s -> inRelease.put(s.id(), s));
        Map<Long, Map<String, Long>> areas = published.areasOfSites(selection.siteIds());
        List<VisitSite> sites = new ArrayList<>();
        for (long siteId : selection.siteIds()) {
            VisitSite site = inRelease.get(siteId);
            boolean licensed = site != null && scope.grants().stream().anyMatch(g -> covers(g, areas.get(siteId))
                    && g.covers(selection.from()) && g.covers(selection.to()));
            if (!licensed) {
                throw refuse(scope, action, selection.describe(question), "Your licence does not cover "
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

    private AccessDeniedException refuse(LicenceScope scope, AuditAction action, String what, String message) {
        CrowdLensUser user = currentUser.require();
        audit.record(user.username(), scope.organisationId(), action, AuditOutcome.DENIED, what);
        return new AccessDeniedException(message);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
