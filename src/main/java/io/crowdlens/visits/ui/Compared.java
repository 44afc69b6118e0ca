package io.crowdlens.visits.ui;

import io.crowdlens.visits.VisitSite;
import io.crowdlens.visits.VisitsSelection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One column of the comparison: a site over a period, with the label the charts and tables use.
 * Figures are always per item; two items also get a percentage change (second against first).
 */
record Compared(String label, VisitSite site, VisitsSelection selection) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    static Compared site(VisitSite site, LocalDate from, LocalDate to) {
        return new Compared(site.name(), site, VisitsSelection.of(site.id(), from, to));
    }

    static Compared period(VisitSite site, LocalDate from, LocalDate to) {
        return new Compared(DAY.format(from) + " – " + DAY.format(to), site, VisitsSelection.of(site.id(), from, to));
    }

    static List<VisitsSelection> selections(List<Compared> items) {
        return items.stream().map(Compared::selection).toList();
    }

    /** Day labels for items shown day by day: "Mon 19 Oct", or "Mon 19 Oct / Mon 26 Oct" for two periods. */
    static List<String> dayLabels(List<Compared> items) {
        int days = items.stream().mapToInt(i -> i.selection().dates().size()).max().orElse(0);
        List<String> labels = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            int day = d;
            labels.add(String.join(" / ", items.stream().map(i -> i.selection().dates())
                    .filter(dates -> day < dates.size()).map(dates -> WEEKDAY.format(dates.get(day))).distinct()
                    .toList()));
        }
        return labels;
    }

    static List<Long> siteIds(List<Compared> items) {
        return items.stream().map(i -> i.site().id()).distinct().toList();
    }
}
