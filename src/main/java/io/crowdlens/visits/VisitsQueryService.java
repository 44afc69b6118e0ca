package io.crowdlens.visits;

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
import io.crowdlens.common.Figure;
import io.crowdlens.release.ReleaseSummary;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visitors questions partners ask, on screen and in CSV, each answered through the
 * {@link FigureGate} (licence scope, the served release, the partner's k on every stored figure
 * before it is combined, blocking, audit). A site is licensed when it lies in a licensed area of a
 * visits licence's layer (docs/decisions/009). Figures are always per site: unique visitors are never
 * added up across sites, hours or days (decision 011).
 */
@Service
@Transactional(readOnly = true)
public class VisitsQueryService {

    private static final String WIDEN = "widen the period, or choose a busier site";

    private final PublishedVisits published;
    private final VisitsQuestions questions;
    private final FigureGate gate;

    public VisitsQueryService(PublishedVisits published, FigureGate gate) {
        this.published = published;
        this.questions = new VisitsQuestions(published);
        this.gate = gate;
    }

    /** The licensed sites of the served release and the days this user may choose from. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public VisitsChoices choices() {
        return gate.choices(Dataset.VISITS, (scope, release) -> {
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
        });
    }

    /** Average unique visitors in each local hour of the day, weekdays and weekend days apart, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public VisitorsAnswer<VisitorFigures.Hour> hourlyProfile(VisitsSelection selection) {
        return ask(questions.hourlyProfile(selection), selection);
    }

    /** Unique visitors on each day of the period, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public VisitorsAnswer<VisitorFigures.Day> dailyVisitors(VisitsSelection selection) {
        return ask(questions.dailyVisitors(selection), selection);
    }

    /** Visits by how long they lasted, begun in the period, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public VisitorsAnswer<VisitorFigures.Dwell> dwellDistribution(VisitsSelection selection) {
        return ask(questions.dwellDistribution(selection), selection);
    }

    /** Each day's unique visitors split into first-time and returning visitors, per site. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public VisitorsAnswer<VisitorFigures.Loyalty> firstTimeAndReturning(VisitsSelection selection) {
        return ask(questions.firstTimeAndReturning(selection), selection);
    }

    /**
     * Catchment: unique visitors over the whole release period by home area (every area of the home layer,
     * per site). Covers the release period whatever period is chosen, so the licence must cover all of it.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public VisitorsAnswer<VisitorFigures.Home> catchment(List<Long> siteIds) {
        ReleaseSummary release = servedRelease();
        VisitsSelection wholePeriod = new VisitsSelection(siteIds, release.periodFrom(), release.periodTo());
        return ask(questions.catchment(wholePeriod, release), wholePeriod);
    }

    /** The areas of the catchment's home layer with their outlines, for the choropleth (reference geography). */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public List<HomeArea> catchmentAreas() {
        return gate.choices(Dataset.VISITS, (scope, release) -> release
                .flatMap(r -> published.catchmentLayers(r.id()).keySet().stream().findFirst())
                .map(published::areaOutlines)
                .orElse(List.of()));
    }

    /**
     * The hourly profile as CSV: one row per compared item (sites and period), site and hour, with the
     * weekday and weekend averages. Checked and audited like the screen; refused before the file opens.
     */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportHourlyProfile(List<VisitsSelection> items, ExportTarget target) throws IOException {
        return export(items, questions::hourlyProfile, "hourly-visitors", List.of(ExportColumn.number("hour"),
                        ExportColumn.figure("weekday_average_visitors", 1),
                        ExportColumn.figure("weekend_average_visitors", 1)),
                h -> new Object[] {h.hour(), h.weekdayAverage(), h.weekendAverage()}, target);
    }

    /** Unique visitors per day as CSV, one row per compared item, site and day. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportDailyVisitors(List<VisitsSelection> items, ExportTarget target) throws IOException {
        return export(items, questions::dailyVisitors, "daily-visitors",
                List.of(ExportColumn.date("day"), ExportColumn.figure("visitors")),
                d -> new Object[] {d.day(), d.visitors()}, target);
    }

    /** Visits by length of stay as CSV, one row per compared item, site and dwell bucket. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportDwellDistribution(List<VisitsSelection> items, ExportTarget target) throws IOException {
        return export(items, questions::dwellDistribution, "visits-by-length-of-stay",
                List.of(ExportColumn.number("dwell_from_minutes"), ExportColumn.number("dwell_to_minutes"),
                        ExportColumn.figure("visits")),
                d -> new Object[] {d.fromMinutes(), d.toMinutes(), d.visits()}, target);
    }

    /** First-time and returning visitors per day as CSV, one row per compared item, site and day. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportFirstTimeAndReturning(List<VisitsSelection> items, ExportTarget target)
            throws IOException {
        return export(items, questions::firstTimeAndReturning, "first-time-and-returning-visitors",
                List.of(ExportColumn.date("day"), ExportColumn.figure("first_time_visitors"),
                        ExportColumn.figure("returning_visitors")),
                l -> new Object[] {l.day(), l.firstTime(), l.returning()}, target);
    }

    /** The catchment as CSV: one row per site and home area, over the release period. */
    @PreAuthorize("hasAnyRole('PARTNER_ANALYST', 'PARTNER_ADMIN')")
    public ExportSummary exportCatchment(List<Long> siteIds, ExportTarget target) throws IOException {
        ReleaseSummary release = servedRelease();
        return export(List.of(new VisitsSelection(siteIds, release.periodFrom(), release.periodTo())),
                s -> questions.catchment(s, release), "catchment",
                List.of(ExportColumn.number("home_area_id"), ExportColumn.text("home_area"),
                        ExportColumn.figure("visitors")),
                h -> new Object[] {h.areaId(), h.areaName(), h.visitors()}, target);
    }

    private <T> VisitorsAnswer<T> ask(VisitsQuestions.Spec<T> spec, VisitsSelection selection) {
        return gate.ask(Dataset.VISITS, selection.describe(spec.name()), WIDEN,
                partner -> compute(partner, spec, selection));
    }

    private <T> ExportSummary export(List<VisitsSelection> items,
            Function<VisitsSelection, VisitsQuestions.Spec<T>> specOf, String fileTopic,
            List<ExportColumn> figureColumns, Function<T, Object[]> cells, ExportTarget target)
            throws IOException {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to export");
        }
        String name = specOf.apply(items.getFirst()).name();
        String what = items.stream().map(i -> i.describe(name)).collect(Collectors.joining("; "));
        return gate.export(Dataset.VISITS, what, WIDEN, target, partner -> {
            List<VisitorsAnswer<T>> answers = new ArrayList<>();
            for (VisitsSelection item : items) {
                answers.add(compute(partner, specOf.apply(item), item));
            }
            LocalDate from = answers.stream().map(a -> a.selection().from()).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = answers.stream().map(a -> a.selection().to()).max(LocalDate::compareTo).orElseThrow();
            List<ExportColumn> columns = new ArrayList<>(List.of(ExportColumn.number("site_id"),
                    ExportColumn.text("site"), ExportColumn.date("period_from"), ExportColumn.date("period_to")));
            columns.addAll(figureColumns);
            String sites = answers.stream().flatMap(a -> a.sites().stream()).map(s -> s.site().code()).distinct()
                    .collect(Collectors.joining("-"));
            String fileName = ExportFileName.csv("visitors", fileTopic, sites, from.toString(), "to", to.toString(),
                    "release", String.valueOf(partner.release().id()));
            String contents = answers.stream().map(VisitorsAnswer::description).distinct()
                    .collect(Collectors.joining(" | "));
            int shown = answers.stream().mapToInt(VisitorsAnswer::shown).sum();
            return new FigureGate.ExportPlan(fileName, contents, from, to, columns, shown,
                    (CsvExportWriter csv) -> writeRows(csv, answers, cells));
        });
    }

    private static <T> void writeRows(CsvExportWriter csv, List<VisitorsAnswer<T>> answers,
            Function<T, Object[]> cells) {
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
                    csv.row(values);
                }
            }
        }
    }

    /** One answer: the selected sites (refused outside the licence), then their figures. */
    private <T> VisitorsAnswer<T> compute(Partner partner, VisitsQuestions.Spec<T> spec, VisitsSelection selection) {
        List<VisitSite> sites = licensedSites(partner, selection, spec.name());
        VisitsQuestions.Context context = questions.context(partner, selection);
        List<SiteFigures<T>> perSite = new ArrayList<>();
        int shown = 0;
        int hidden = 0;
        for (VisitSite site : sites) {
            List<T> rows = spec.rows().apply(context, site);
            for (T row : rows) {
                for (Figure figure : spec.figures().apply(row)) {
                    if (figure.shown()) {
                        shown++;
                    } else {
                        hidden++;
                    }
                }
            }
            perSite.add(new SiteFigures<>(site, rows));
        }
        int k = partner.k();
        String text = spec.description().apply(k) + ". Release " + partner.release().id() + ", minimum crowd k = " + k
                + ". " + partner.release().figureSentence() + ".";
        return new VisitorsAnswer<>(partner.release(), k, selection, perSite, text, shown, hidden);
    }

    private ReleaseSummary servedRelease() {
        return gate.choices(Dataset.VISITS, (scope, release) -> release.orElseThrow(
                () -> new IllegalStateException("No visitors data has been published yet.")));
    }

    /** The selected sites, each licensed by one licence for the whole period, or a refusal (audited). */
    private List<VisitSite> licensedSites(Partner partner, VisitsSelection selection, String question) {
        LicenceScope scope = partner.scope();
        Map<Long, VisitSite> inRelease = new HashMap<>();
        published.sites(partner.release().id()).forEach(s -> inRelease.put(s.id(), s));
        Map<Long, Map<String, Long>> areas = published.areasOfSites(selection.siteIds());
        List<VisitSite> sites = new ArrayList<>();
        for (long siteId : selection.siteIds()) {
            VisitSite site = inRelease.get(siteId);
            boolean licensed = site != null && scope.grants().stream().anyMatch(g -> covers(g, areas.get(siteId))
                    && g.covers(selection.from()) && g.covers(selection.to()));
            if (!licensed) {
                // the same words whether the site exists elsewhere or not at all
                throw partner.refuse(selection.describe(question), "Your licence does not cover this site from "
                        + selection.from() + " to " + selection.to() + ".");
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

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
