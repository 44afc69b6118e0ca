package io.crowdlens.visits.ui;

import io.crowdlens.common.Figure;

import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.visits.VisitorFigures;
import io.crowdlens.visits.VisitorsAnswer;
import io.crowdlens.visits.VisitsQueryService;
import java.util.ArrayList;
import java.util.List;

/** Each day's visitors split into first-time and returning, per item (both or neither shown). */
class FirstTimeAndReturningPanel extends FiguresPanel {

    private final VisitsQueryService visits;
    private final Chart chart = new Chart();
    private final FigureTable table = new FigureTable("loyalty-table");

    FirstTimeAndReturningPanel(VisitsQueryService visits) {
        super("loyalty", "First-time and returning visitors",
                items -> target -> visits.exportFirstTimeAndReturning(Compared.selections(items), target));
        this.visits = visits;
        chart.setId("loyalty-chart");
        addFigures(chart, table);
    }

    @Override
    void refresh(List<Compared> items) {
        var answered = answers(items, item -> visits.firstTimeAndReturning(item.selection()));
        if (answered.isEmpty()) {
            chart.clear();
            table.clear();
            return;
        }
        List<VisitorsAnswer<VisitorFigures.Loyalty>> answers = answered.get();
        int k = minimumCrowd(answers);
        int days = items.stream().mapToInt(i -> i.selection().dates().size()).max().orElse(0);
        List<String> labels = Compared.dayLabels(items);
        List<ChartSeries> series = new ArrayList<>();
        Figure[][][] figures = new Figure[days][2][items.size()];
        for (int i = 0; i < items.size(); i++) {
            List<VisitorFigures.Loyalty> values = rowsOf(answers.get(i), items.get(i));
            List<Figure> first = new ArrayList<>();
            List<Figure> returning = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                VisitorFigures.Loyalty day = d < values.size() ? values.get(d) : null;
                first.add(day == null ? Figure.hidden() : day.firstTime());
                returning.add(day == null ? Figure.hidden() : day.returning());
                figures[d][0][i] = first.getLast();
                figures[d][1][i] = returning.getLast();
            }
            String prefix = items.size() > 1 ? items.get(i).label() + ": " : "";
            series.add(ChartSeries.barsOf(prefix + "first-time", first));
            series.add(ChartSeries.barsOf(prefix + "returning", returning));
        }
        List<FigureTable.Row> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            rows.add(new FigureTable.Row(labels.get(d), figures[d]));
        }
        chart.show(new ChartData("First-time and returning visitors per day", provenance(answers), "Day",
                "Unique visitors", "visitors", labels, series, k));
        table.show("Day", List.of("First-time visitors", "Returning visitors"),
                items.stream().map(Compared::label).toList(), rows, k);
    }
}
