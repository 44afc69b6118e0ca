package io.crowdlens.visits;

import io.crowdlens.figures.Partner;
import io.crowdlens.privacy.Breakdown;
import io.crowdlens.privacy.Cells;
import io.crowdlens.privacy.Combination;
import io.crowdlens.common.Figure;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.visits.PublishedVisits.DwellRow;
import io.crowdlens.visits.PublishedVisits.HourRow;
import io.crowdlens.visits.PublishedVisits.LoyaltyRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What each visitors question computes from the stored figures of one site, how they are combined
 * (each stored figure checked against the partner's k first, through {@link Cells}), and the sentence
 * saying what the numbers are. {@link VisitsQueryService} runs them through the figure gate, for the
 * screen and for CSV alike.
 */
final class VisitsQuestions {

    /**
     * One question for one selection.
     *
     * @param name for audit records
     * @param rows the site's rows
     * @param figures the figures of a row, for counting shown and hidden ones
     * @param description what the numbers are, given k
     */
    record Spec<T>(String name, BiFunction<Context, VisitSite, List<T>> rows, Function<T, List<Figure>> figures,
            Function<Integer, String> description) {
    }

    private final PublishedVisits published;

    VisitsQuestions(PublishedVisits published) {
        this.published = published;
    }

    Context context(Partner partner, VisitsSelection selection) {
        return new Context(partner, selection);
    }

    Spec<VisitorFigures.Hour> hourlyProfile(VisitsSelection selection) {
        List<LocalDate> weekdays = selection.dates().stream().filter(d -> !VisitsSelection.isWeekend(d)).toList();
        List<LocalDate> weekends = selection.dates().stream().filter(VisitsSelection::isWeekend).toList();
        return new Spec<>("hourly-profile", (context, site) -> {
            Cells cells = context.partner().cells(FigureFamily.VISITS_HOURLY);
            List<Combination> weekday = new ArrayList<>();
            List<Combination> weekend = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                weekday.add(cells.mean(Math.max(1, weekdays.size())));
                weekend.add(cells.mean(Math.max(1, weekends.size())));
            }
            for (HourRow row : context.hourly(site)) {
                (VisitsSelection.isWeekend(row.day()) ? weekend : weekday).get(row.hour()).add(row.visitors());
            }
            List<VisitorFigures.Hour> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hours.add(new VisitorFigures.Hour(h, weekdays.isEmpty() ? Figure.hidden() : weekday.get(h).figure(),
                        weekends.isEmpty() ? Figure.hidden() : weekend.get(h).figure()));
            }
            return hours;
        }, h -> List.of(h.weekdayAverage(), h.weekendAverage()),
                k -> "Average unique visitors in each hour of the day (local time), over the " + weekdays.size()
                        + " weekdays and " + weekends.size() + " weekend days of " + selection.from() + " to "
                        + selection.to() + "; hours not shown (below the minimum crowd of " + k + ") count as zero");
    }

    Spec<VisitorFigures.Day> dailyVisitors(VisitsSelection selection) {
        return new Spec<>("daily", (context, site) -> {
            Cells cells = context.partner().cells(FigureFamily.VISITS_DAILY);
            Map<LocalDate, Integer> byDay = context.daily(site);
            return selection.dates().stream()
                    .map(day -> new VisitorFigures.Day(day, cells.single(byDay.get(day)))).toList();
        }, d -> List.of(d.visitors()),
                k -> "Unique visitors per day (devices with a stay of at least the minimum dwell begun that day), "
                        + selection.from() + " to " + selection.to());
    }

    /**
     * Visits by length of stay, added up over the days. A site's buckets of one day add up to its
     * visitors that day, so where the daily figures are all shown and exactly one bucket figure is
     * hidden, {@link Breakdown} decides whether a second bucket must be hidden too.
     */
    Spec<VisitorFigures.Dwell> dwellDistribution(VisitsSelection selection) {
        return new Spec<>("dwell", (context, site) -> {
            Cells cells = context.partner().cells(FigureFamily.VISITS_DWELL);
            Map<Integer, Integer> buckets = context.buckets();
            Map<Integer, Combination> sums = new HashMap<>();
            buckets.keySet().forEach(from -> sums.put(from, cells.sum()));
            for (DwellRow row : published.dwell(context.release().id(), List.of(site.id()), selection.from(),
                    selection.to())) {
                Combination sum = sums.get(row.fromMinutes());
                if (sum != null) {
                    sum.add(row.visits());
                }
            }
            int used = sums.values().stream().mapToInt(Combination::used).sum();
            int hiddenFigures = buckets.size() * selection.dates().size() - used;
            List<Figure> parts = new ArrayList<>();
            buckets.keySet().forEach(from -> parts.add(sums.get(from).figure()));
            List<Figure> shownParts = Breakdown.protect(context.dailyTotal(site), parts, hiddenFigures,
                    context.partner().k());
            List<VisitorFigures.Dwell> rows = new ArrayList<>();
            int i = 0;
            for (Map.Entry<Integer, Integer> bucket : buckets.entrySet()) {
                rows.add(new VisitorFigures.Dwell(bucket.getKey(), bucket.getValue(), shownParts.get(i++)));
            }
            return rows;
        }, d -> List.of(d.visits()),
                k -> "Visits by length of stay (one per visitor and day: the longest stay begun that day), begun "
                        + selection.from() + " to " + selection.to() + ", added up over the days; a day's figure not"
                        + " shown (below the minimum crowd of " + k + ") counts as zero");
    }

    Spec<VisitorFigures.Loyalty> firstTimeAndReturning(VisitsSelection selection) {
        return new Spec<>("first-time-returning", (context, site) -> {
            Cells cells = context.partner().cells(FigureFamily.VISITS_LOYALTY);
            Map<LocalDate, LoyaltyRow> byDay = new HashMap<>();
            published.loyalty(context.release().id(), List.of(site.id()), selection.from(), selection.to())
                    .forEach(row -> byDay.put(row.day(), row));
            return selection.dates().stream().map(day -> {
                LoyaltyRow row = byDay.get(day);
                Figure first = row == null ? Figure.hidden() : cells.single(row.firstTime());
                Figure returning = row == null ? Figure.hidden() : cells.single(row.returning());
                // the two add up to the day's visitors: one alone would say more about the other
                boolean both = first.shown() && returning.shown();
                return new VisitorFigures.Loyalty(day, both ? first : Figure.hidden(),
                        both ? returning : Figure.hidden());
            }).toList();
        }, l -> List.of(l.firstTime(), l.returning()),
                k -> "Unique visitors per day: first-time (their first stay at the site since the release period "
                        + "began) and returning (seen there on an earlier day), " + selection.from() + " to "
                        + selection.to() + "; a day shows both or neither");
    }

    /** @param wholePeriod the release period: the catchment is published for it only */
    Spec<VisitorFigures.Home> catchment(VisitsSelection wholePeriod, ReleaseSummary release) {
        Optional<Map.Entry<String, String>> layer =
                published.catchmentLayers(release.id()).entrySet().stream().findFirst();
        Map<Long, String> areas = layer.map(l -> published.areaNames(l.getKey())).orElse(Map.of());
        return new Spec<>("catchment", (context, site) -> {
            Cells cells = context.partner().cells(FigureFamily.VISITS_CATCHMENT);
            Map<Long, Integer> visitors = new HashMap<>();
            layer.ifPresent(l -> published.catchment(release.id(), List.of(site.id()), l.getKey())
                    .forEach(row -> visitors.put(row.areaId(), row.visitors())));
            List<VisitorFigures.Home> homes = new ArrayList<>();
            areas.forEach((id, name) -> homes.add(new VisitorFigures.Home(id, name, cells.single(visitors.get(id)))));
            return homes;
        }, h -> List.of(h.visitors()),
                k -> "Catchment: unique visitors over the whole release period " + wholePeriod.from() + " to "
                        + wholePeriod.to() + " by home area" + layer.map(l -> " (" + l.getValue().toLowerCase(Locale.ROOT)
                        + ")").orElse("") + ", where they spend most nights; visitors without a known home are not shown");
    }

    /** Where one answer is computed: the partner (release, k, noise), the selection; rows read once. */
    final class Context {
        private final Partner partner;
        private final VisitsSelection selection;
        private Map<Long, List<HourRow>> hourly;
        private Map<Long, Map<LocalDate, Integer>> daily;
        private Map<Integer, Integer> buckets;

        private Context(Partner partner, VisitsSelection selection) {
            this.partner = partner;
            this.selection = selection;
        }

        Partner partner() {
            return partner;
        }

        ReleaseSummary release() {
            return partner.release();
        }

        List<HourRow> hourly(VisitSite site) {
            if (hourly == null) {
                hourly = new HashMap<>();
                published.hourly(release().id(), selection.siteIds(), selection.from(), selection.to())
                        .forEach(r -> hourly.computeIfAbsent(r.siteId(), s -> new ArrayList<>()).add(r));
            }
            return hourly.getOrDefault(site.id(), List.of());
        }

        Map<LocalDate, Integer> daily(VisitSite site) {
            if (daily == null) {
                daily = new HashMap<>();
                published.daily(release().id(), selection.siteIds(), selection.from(), selection.to())
                        .forEach(r -> daily.computeIfAbsent(r.siteId(), s -> new HashMap<>()).put(r.day(), r.visitors()));
            }
            return daily.getOrDefault(site.id(), Map.of());
        }

        /**
         * The site's visitors over the selection's days as the partner can add them up from the daily
         * figures: null unless every day's figure is shown (then there is no exact total to subtract from).
         */
        Figure dailyTotal(VisitSite site) {
            Cells cells = partner.cells(FigureFamily.VISITS_DAILY);
            Combination total = cells.sum();
            Map<LocalDate, Integer> byDay = daily(site);
            for (LocalDate day : selection.dates()) {
                if (!cells.passes(byDay.get(day))) {
                    return null;
                }
                total.add(byDay.get(day));
            }
            return total.figure();
        }

        Map<Integer, Integer> buckets() {
            if (buckets == null) {
                buckets = published.dwellBuckets(release().id());
            }
            return buckets;
        }
    }
}
