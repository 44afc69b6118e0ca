package io.crowdlens.visits;

import io.crowdlens.release.ReleaseSummary;
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

/**
 * What each visitors question computes from the published rows of one site, how its figures are
 * combined and re-checked against the partner's k (docs/decisions/011), and the sentence saying what the
 * numbers are. {@link VisitsQueryService} applies scope, blocking and audit around it, for the screen
 * and for CSV alike.
 */
final class VisitsQuestions {

    /**
     * One question for one selection.
     *
     * @param name for audit records
     * @param unit what a refusal says there is too little of ("hour", "day")
     * @param rows the site's rows, figures already re-checked against k (null: fewer than k)
     * @param figures the figures of a row, for counting shown and suppressed ones
     * @param description what the numbers are, given k
     */
    record Spec<T>(String name, String unit, BiFunction<Context, VisitSite, List<T>> rows,
            Function<T, List<Long>> figures, Function<Integer, String> description) {
    }

    private final PublishedVisits published;

    VisitsQuestions(PublishedVisits published) {
        this.published = published;
    }

    Context context(ReleaseSummary release, int k, VisitsSelection selection) {
        return new Context(release, k, selection);
    }

    Spec<VisitorFigures.Hour> hourlyProfile(VisitsSelection selection) {
        List<LocalDate> weekdays = selection.dates().stream().filter(d -> !VisitsSelection.isWeekend(d)).toList();
        List<LocalDate> weekends = selection.dates().stream().filter(VisitsSelection::isWeekend).toList();
        return new Spec<>("hourly-profile", "hour", (context, site) -> {
            long[][] sums = new long[2][24];
            for (HourRow row : context.hourly(site)) {
                sums[VisitsSelection.isWeekend(row.day()) ? 1 : 0][row.hour()] += row.visitors();
            }
            List<VisitorFigures.Hour> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hours.add(new VisitorFigures.Hour(h, context.atLeastK(average(sums[0][h], weekdays.size())),
                        context.atLeastK(average(sums[1][h], weekends.size()))));
            }
            return hours;
        }, h -> Arrays.asList(h.weekdayAverage(), h.weekendAverage()),
                k -> "Average unique visitors in each hour of the day (local time), over the " + weekdays.size()
                        + " weekdays and " + weekends.size() + " weekend days of " + selection.from() + " to "
                        + selection.to() + "; hours with fewer than " + k + " visitors count as zero");
    }

    Spec<VisitorFigures.Day> dailyVisitors(VisitsSelection selection) {
        return new Spec<>("daily", "day", (context, site) -> {
            Map<LocalDate, Long> byDay = new HashMap<>();
            context.published().daily(context.release().id(), List.of(site.id()), selection.from(), selection.to())
                    .forEach(row -> byDay.put(row.day(), (long) row.visitors()));
            return selection.dates().stream()
                    .map(day -> new VisitorFigures.Day(day, context.atLeastK(byDay.get(day)))).toList();
        }, d -> Collections.singletonList(d.visitors()),
                k -> "Unique visitors per day (devices that stayed at least the minimum dwell), " + selection.from()
                        + " to " + selection.to());
    }

    Spec<VisitorFigures.Dwell> dwellDistribution(VisitsSelection selection) {
        return new Spec<>("dwell", "length of stay", (context, site) -> {
            Map<Integer, Long> visits = new HashMap<>();
            for (DwellRow row : context.published().dwell(context.release().id(), List.of(site.id()), selection.from(),
                    selection.to())) {
                // a row whose devices are below this partner's k does not count towards a combined figure
                if (row.visitors() >= context.k()) {
                    visits.merge(row.fromMinutes(), (long) row.visits(), Long::sum);
                }
            }
            List<VisitorFigures.Dwell> buckets = new ArrayList<>();
            context.published().dwellBuckets(context.release().id()).forEach((from, to) ->
                    buckets.add(new VisitorFigures.Dwell(from, to, context.atLeastK(visits.get(from)))));
            return buckets;
        }, d -> Collections.singletonList(d.visits()),
                k -> "Visits (stays of at least the minimum dwell) by length of stay, begun " + selection.from()
                        + " to " + selection.to() + ", added up over the days; a day's length of stay with fewer than "
                        + k + " visitors counts as zero");
    }

    Spec<VisitorFigures.Loyalty> firstTimeAndReturning(VisitsSelection selection) {
        return new Spec<>("first-time-returning", "day", (context, site) -> {
            Map<LocalDate, LoyaltyRow> byDay = new HashMap<>();
            context.published().loyalty(context.release().id(), List.of(site.id()), selection.from(), selection.to())
                    .forEach(row -> byDay.put(row.day(), row));
            return selection.dates().stream().map(day -> {
                LoyaltyRow row = byDay.get(day);
                Long first = row == null ? null : context.atLeastK((long) row.firstTime());
                Long returning = row == null ? null : context.atLeastK((long) row.returning());
                // the two add up to the day's visitors: one alone would give the other away
                boolean both = first != null && returning != null;
                return new VisitorFigures.Loyalty(day, both ? first : null, both ? returning : null);
            }).toList();
        }, l -> Arrays.asList(l.firstTime(), l.returning()),
                k -> "Unique visitors per day: first-time (their first stay at the site since the release period "
                        + "began) and returning (seen there on an earlier day), " + selection.from() + " to "
                        + selection.to() + "; a day shows both or neither");
    }

    /** @param wholePeriod the release period: the catchment is published for it only */
    Spec<VisitorFigures.Home> catchment(VisitsSelection wholePeriod, ReleaseSummary release) {
        Optional<Map.Entry<String, String>> layer =
                published.catchmentLayers(release.id()).entrySet().stream().findFirst();
        Map<Long, String> areas = layer.map(l -> published.areaNames(l.getKey())).orElse(Map.of());
        return new Spec<>("catchment", "home area", (context, site) -> {
            Map<Long, Long> visitors = new HashMap<>();
            layer.ifPresent(l -> published.catchment(release.id(), List.of(site.id()), l.getKey())
                    .forEach(row -> visitors.put(row.areaId(), (long) row.visitors())));
            List<VisitorFigures.Home> homes = new ArrayList<>();
            areas.forEach((id, name) -> homes.add(new VisitorFigures.Home(id, name, context.atLeastK(visitors.get(id)))));
            return homes;
        }, h -> Collections.singletonList(h.visitors()),
                k -> "Catchment: unique visitors over the whole release period " + wholePeriod.from() + " to "
                        + wholePeriod.to() + " by home area" + layer.map(l -> " (" + l.getValue().toLowerCase(Locale.ROOT)
                        + ")").orElse("") + ", where they spend most nights; visitors without a known home are not shown");
    }

    /** Where one answer is computed: the release, this partner's k, the selection; hourly rows read once. */
    final class Context {
        private final ReleaseSummary release;
        private final int k;
        private final VisitsSelection selection;
        private Map<Long, List<HourRow>> hourly;

        private Context(ReleaseSummary release, int k, VisitsSelection selection) {
            this.release = release;
            this.k = k;
            this.selection = selection;
        }

        ReleaseSummary release() {
            return release;
        }

        int k() {
            return k;
        }

        PublishedVisits published() {
            return published;
        }

        /** The figure when it reaches this partner's k; otherwise null ("fewer than k"). */
        Long atLeastK(Long value) {
            return value != null && value >= k ? value : null;
        }

        List<HourRow> hourly(VisitSite site) {
            if (hourly == null) {
                hourly = new HashMap<>();
                published.hourly(release.id(), selection.siteIds(), selection.from(), selection.to())
                        .forEach(r -> hourly.computeIfAbsent(r.siteId(), s -> new ArrayList<>()).add(r));
            }
            return hourly.getOrDefault(site.id(), List.of());
        }
    }

    private static Long average(long sum, int days) {
        return days == 0 || sum == 0 ? null : Math.round(sum / (double) days);
    }
}
