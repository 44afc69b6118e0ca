package io.crowdlens.visits.ui;

import io.crowdlens.common.Figure;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.visits.VisitorFigures;
import io.crowdlens.visits.VisitorsAnswer;
import io.crowdlens.visits.VisitsQueryService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Average unique visitors per hour of the day: weekdays and weekends side by side, each item a series. */
class HourlyProfilePanel extends FiguresPanel {

    private final VisitsQueryService visits;
    private final Chart weekdays = new Chart();
    private final Chart weekends = new Chart();
    private final FigureTable table = new FigureTable("hourly-table");

    HourlyProfilePanel(VisitsQueryService visits) {
        super("hourly", "Visitors by hour of day", items -> target -> visits.exportHourlyProfile(Compared.selections(items), target));
        this.visits = visits;
        weekdays.setId("hourly-weekdays-chart");
        weekends.setId("hourly-weekends-chart");
        HorizontalLayout charts = new HorizontalLayout(weekdays, weekends);
        charts.setWidthFull();
        charts.setFlexGrow(1, weekdays, weekends);
        addFigures(charts, table);
    }

    @Override
    void refresh(List<Compared> items) {
        var answered = answers(items, item -> visits.hourlyProfile(item.selection()));
        if (answered.isEmpty()) {
            weekdays.clear();
            weekends.clear();
            table.clear();
            return;
        }
        List<VisitorsAnswer<VisitorFigures.Hour>> answers = answered.get();
        int k = minimumCrowd(answers);
        String subtitle = provenance(answers);
        weekdays.show(ChartData.byHourOfDay("Average unique visitors per hour, weekdays", subtitle,
                "Unique visitors (average)", "visitors", series(items, answers, VisitorFigures.Hour::weekdayAverage), k));
        weekends.show(ChartData.byHourOfDay("Average unique visitors per hour, weekends", subtitle,
                "Unique visitors (average)", "visitors", series(items, answers, VisitorFigures.Hour::weekendAverage), k));
        List<FigureTable.Row> rows = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Figure[][] figures = new Figure[2][items.size()];
            for (int i = 0; i < items.size(); i++) {
                List<VisitorFigures.Hour> hours = rowsOf(answers.get(i), items.get(i));
                figures[0][i] = hours.isEmpty() ? Figure.hidden() : hours.get(h).weekdayAverage();
                figures[1][i] = hours.isEmpty() ? Figure.hidden() : hours.get(h).weekendAverage();
            }
            rows.add(new FigureTable.Row(String.format("%02d:00", h), figures));
        }
        table.show("Hour", List.of("Weekdays", "Weekends"), items.stream().map(Compared::label).toList(), rows, k);
    }

    private static List<ChartSeries> series(List<Compared> items, List<VisitorsAnswer<VisitorFigures.Hour>> answers,
            Function<VisitorFigures.Hour, Figure> figure) {
        List<ChartSeries> series = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<VisitorFigures.Hour> hours = rowsOf(answers.get(i), items.get(i));
            List<Figure> values = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                values.add(hours.isEmpty() ? Figure.hidden() : figure.apply(hours.get(h)));
            }
            series.add(ChartSeries.barsOf(items.get(i).label(), values).highlightPeak());
        }
        return series;
    }
}
