package io.crowdlens.visits.ui;

import io.crowdlens.common.Figure;

import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.visits.VisitorFigures;
import io.crowdlens.visits.VisitorsAnswer;
import io.crowdlens.visits.VisitsQueryService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Unique visitors per day, one line per item. Two periods are compared day by day (first day with first
 * day), so both have the same length; the days are labelled with both dates.
 */
class DailyVisitorsPanel extends FiguresPanel {

    private final VisitsQueryService visits;
    private final Chart chart = new Chart();
    private final FigureTable table = new FigureTable("daily-table");

    DailyVisitorsPanel(VisitsQueryService visits) {
        super("daily", "Visitors per day", items -> target -> visits.exportDailyVisitors(Compared.selections(items), target));
        this.visits = visits;
        chart.setId("daily-chart");
        addFigures(chart, table);
    }

    @Override
    void refresh(List<Compared> items) {
        var answered = answers(items, item -> visits.dailyVisitors(item.selection()));
        if (answered.isEmpty()) {
            chart.clear();
            table.clear();
            return;
        }
        List<VisitorsAnswer<VisitorFigures.Day>> answers = answered.get();
        int k = minimumCrowd(answers);
        int days = items.stream().mapToInt(i -> i.selection().dates().size()).max().orElse(0);
        List<String> labels = Compared.dayLabels(items);
        List<ChartSeries> series = new ArrayList<>();
        List<FigureTable.Row> rows = new ArrayList<>();
        Figure[][][] figures = new Figure[days][1][items.size()];
        for (int i = 0; i < items.size(); i++) {
            List<VisitorFigures.Day> values = rowsOf(answers.get(i), items.get(i));
            List<Figure> line = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                Figure figure = d < values.size() ? values.get(d).visitors() : Figure.hidden();
                line.add(figure);
                figures[d][0][i] = figure;
            }
            series.add(ChartSeries.lineOf(items.get(i).label(), line).highlightPeak());
        }
        for (int d = 0; d < days; d++) {
            rows.add(new FigureTable.Row(labels.get(d), figures[d]));
        }
        chart.show(new ChartData("Unique visitors per day", provenance(answers), "Day", "Unique visitors", "visitors",
                labels, series, k));
        table.show("Day", List.of("Unique visitors"), items.stream().map(Compared::label).toList(), rows, k);
    }
}
