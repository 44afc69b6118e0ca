package io.crowdlens.presence.ui;

import com.vaadin.flow.router.QueryParameters;
import io.crowdlens.presence.DayFilter;
import io.crowdlens.presence.MapChoices;
import io.crowdlens.presence.PresenceMetric;
import io.crowdlens.presence.PresenceSelection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The map's state as URL query parameters, e.g.
 * {@code /presence?layer=districts&from=2026-10-19&to=2026-10-25&days=weekdays&hours=8-9&metric=average&area=12}.
 * Parsing never fails: a missing or unreadable parameter takes its default and is named in
 * {@link #problems()}. Whether the values are licensed is the query service's decision, not the URL's.
 */
record MapUrlState(String layer, LocalDate from, LocalDate to, DayFilter days, int firstHour, int lastHour,
        PresenceMetric metric, Long area, List<String> problems) {

    static MapUrlState parse(QueryParameters query, MapChoices choices) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> p = query.getParameters();
        String layer = first(p, "layer").orElse(choices.layers().keySet().iterator().next());
        LocalDate from = date(p, "from", problems).orElse(choices.firstDay());
        LocalDate defaultTo = from.plusDays(6).isAfter(choices.lastDay()) ? choices.lastDay() : from.plusDays(6);
        LocalDate to = date(p, "to", problems).orElse(defaultTo);
        DayFilter days = first(p, "days").flatMap(d -> enumValue(DayFilter.class, d, "days", problems))
                .orElse(DayFilter.WEEKDAYS);
        int firstHour = 8;
        int lastHour = 8;
        Optional<String> hours = first(p, "hours");
        if (hours.isPresent()) {
            try {
                String[] range = hours.get().split("-", 2);
                int a = Integer.parseInt(range[0]);
                int b = range.length == 2 ? Integer.parseInt(range[1]) : a;
                if (a < 0 || b > 23 || a > b) {
                    throw new NumberFormatException();
                }
                firstHour = a;
                lastHour = b;
            } catch (NumberFormatException e) {
                problems.add("hours");
            }
        }
        PresenceMetric metric = first(p, "metric").flatMap(m -> switch (m) {
            case "average" -> Optional.of(PresenceMetric.AVERAGE_HOURLY);
            case "peak" -> Optional.of(PresenceMetric.PEAK_HOUR);
            default -> {
                problems.add("metric");
                yield Optional.<PresenceMetric>empty();
            }
        }).orElse(PresenceMetric.AVERAGE_HOURLY);
        Long area = null;
        if (first(p, "area").isPresent()) {
            try {
                area = Long.parseLong(first(p, "area").get());
            } catch (NumberFormatException e) {
                problems.add("area");
            }
        }
        return new MapUrlState(layer, from, to, days, firstHour, lastHour, metric, area, List.copyOf(problems));
    }

    static MapUrlState of(PresenceSelection s, Long area) {
        return new MapUrlState(s.layer(), s.from(), s.to(), s.days(), s.firstHour(), s.lastHour(), s.metric(), area,
                List.of());
    }

    QueryParameters toQueryParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("layer", layer);
        p.put("from", from.toString());
        p.put("to", to.toString());
        p.put("days", days.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        p.put("hours", firstHour + "-" + lastHour);
        p.put("metric", metric == PresenceMetric.AVERAGE_HOURLY ? "average" : "peak");
        if (area != null) {
            p.put("area", String.valueOf(area));
        }
        return QueryParameters.simple(p);
    }

    private static Optional<String> first(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? Optional.empty()
                : Optional.of(values.getFirst());
    }

    private static Optional<LocalDate> date(Map<String, List<String>> p, String name, List<String> problems) {
        try {
            return first(p, name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            problems.add(name);
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String text, String name,
            List<String> problems) {
        try {
            return Optional.of(Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            problems.add(name);
            return Optional.empty();
        }
    }
}
