package io.crowdlens.visits.ui;

import io.crowdlens.common.Figure;

import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.visits.VisitorFigures;
import io.crowdlens.visits.VisitorsAnswer;
import io.crowdlens.visits.VisitsQueryService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Visits by length of stay (visits, not visitors: a visitor may stay twice), each item a series. */
class DwellPanel extends FiguresPanel {

    private final VisitsQueryService visits;
    private final Chart chart = new Chart();
    private final FigureTable table = new FigureTable("dwell-table");

    DwellPanel(VisitsQueryService visits) {
        super("dwell", "Length of stay", items -> target -> visits.exportDwellDistribution(Compared.selections(items), target));
        this.visits = visits;
        chart.setId("dwell-chart");
        addFigures(chart, table);
    }

    @Override
    void refresh(List<Compared> items) {
        var answered = answers(items, item -> visits.dwellDistribution(item.selection()));
        if (answered.isEmpty()) {
            chart.clear();
            table.clear();
            return;
        }
        List<VisitorsAnswer<VisitorFigures.Dwell>> answers = answered.get();
        int k = minimumCrowd(answers);
        Map<Integer, String> buckets = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            rowsOf(answers.get(i), items.get(i)).forEach(d -> buckets.putIfAbsent(d.fromMinutes(), d.label()));
        }
        List<ChartSeries> series = new ArrayList<>();
        Figure[][][] figures = new Figure[buckets.size()][1][items.size()];
        for (int i = 0; i < items.size(); i++) {
            Map<Integer, Figure> visitsByBucket = new LinkedHashMap<>();
            rowsOf(answers.get(i), items.get(i)).forEach(d -> visitsByBucket.put(d.fromMinutes(), d.visits()));
            List<Figure> values = new ArrayList<>();
            int b = 0;
            for (int from : buckets.keySet()) {
                Figure figure = visitsByBucket.getOrDefault(from, Figure.hidden());
                values.add(figure);
                figures[b++][0][i] = figure;
            }
            series.add(ChartSeries.barsOf(items.get(i).label(), values));
        }
        List<FigureTable.Row> rows = new ArrayList<>();
        int b = 0;
        for (String label : buckets.values()) {
            rows.add(new FigureTable.Row(label, figures[b++]));
        }
        chart.show(new ChartData("Visits by length of stay", provenance(answers), "Length of stay", "Visits", "visits",
                List.copyOf(buckets.values()), series, k));
        table.show("Length of stay", List.of("Visits"), items.stream().map(Compared::label).toList(), rows, k);
    }
}
