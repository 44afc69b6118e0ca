package io.crowdlens.visits.ui;

import io.crowdlens.common.Figure;

import com.vaadin.flow.component.select.Select;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.AreaShade;
import io.crowdlens.common.ui.map.ColourScale;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.visits.VisitSite;
import io.crowdlens.visits.VisitorFigures;
import io.crowdlens.visits.VisitorsAnswer;
import io.crowdlens.visits.VisitsQueryService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where visitors live: a choropleth of one site's catchment on the view's map, and the top ten home
 * areas for every compared site. The catchment covers the whole release period whatever period is chosen.
 */
class CatchmentPanel extends FiguresPanel {

    private static final int TOP = 10;

    private final VisitsQueryService visits;
    private final AreaMap map;
    private final Select<VisitSite> shownOnMap = new Select<>();
    private final FigureTable table = new FigureTable("catchment-table");
    private List<VisitSite> sites = List.of();
    private Map<Long, VisitorsAnswer<VisitorFigures.Home>> bySite = Map.of();

    CatchmentPanel(VisitsQueryService visits, AreaMap map) {
        super("catchment", "Where visitors live", items -> target -> visits.exportCatchment(Compared.siteIds(items), target));
        this.visits = visits;
        this.map = map;
        shownOnMap.setLabel("Catchment on the map");
        shownOnMap.setId("catchment-site");
        shownOnMap.setItemLabelGenerator(VisitSite::name);
        shownOnMap.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                shade(e.getValue());
            }
        });
        addFigures(shownOnMap, table);
    }

    @Override
    void refresh(List<Compared> items) {
        sites = items.stream().map(Compared::site).distinct().toList();
        List<Compared> perSite = sites.stream().map(s -> items.stream().filter(i -> i.site().equals(s)).findFirst()
                .orElseThrow()).toList();
        var answered = answers(perSite, item -> visits.catchment(List.of(item.site().id())));
        bySite = new HashMap<>();
        if (answered.isEmpty()) {
            table.clear();
            map.setShading(Map.of(), new MapLegend("Unique visitors by home area", List.of(), ""));
            return;
        }
        List<VisitorsAnswer<VisitorFigures.Home>> answers = answered.get();
        for (int i = 0; i < perSite.size(); i++) {
            if (answers.get(i) != null) {
                bySite.put(perSite.get(i).site().id(), answers.get(i));
            }
        }
        int k = minimumCrowd(answers);
        Map<Long, String> areaNames = new LinkedHashMap<>();
        List<Map<Long, Figure>> figures = new ArrayList<>();
        for (int i = 0; i < perSite.size(); i++) {
            Map<Long, Figure> visitors = new HashMap<>();
            for (VisitorFigures.Home home : rowsOf(answers.get(i), perSite.get(i))) {
                areaNames.putIfAbsent(home.areaId(), home.areaName());
                visitors.put(home.areaId(), home.visitors());
            }
            figures.add(visitors);
        }
        List<FigureTable.Row> rows = areaNames.keySet().stream()
                .sorted(Comparator.comparing((Long area) -> figures.getFirst().getOrDefault(area, Figure.hidden()).rounded(),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(TOP)
                .map(area -> {
                    Figure[][] values = new Figure[1][perSite.size()];
                    for (int i = 0; i < perSite.size(); i++) {
                        values[0][i] = figures.get(i).getOrDefault(area, Figure.hidden());
                    }
                    return new FigureTable.Row(areaNames.get(area), values);
                }).toList();
        table.show("Home area (top " + TOP + ")", List.of("Unique visitors"),
                perSite.stream().map(i -> i.site().name()).toList(), rows, k);
        shownOnMap.setItems(sites);
        shownOnMap.setValue(sites.getFirst());
        shade(sites.getFirst());
    }

    private void shade(VisitSite site) {
        VisitorsAnswer<VisitorFigures.Home> answer = bySite.get(site.id());
        if (answer == null) {
            map.setShading(Map.of(), new MapLegend("Unique visitors by home area", List.of(), ""));
            return;
        }
        List<VisitorFigures.Home> homes = answer.site(site.id()).rows();
        ColourScale scale = ColourScale.quantiles(homes.stream().filter(h -> h.visitors().shown())
                .mapToLong(h -> h.visitors().rounded()).toArray());
        Map<String, AreaShade> shades = new LinkedHashMap<>();
        for (VisitorFigures.Home home : homes) {
            shades.put(String.valueOf(home.areaId()), !home.visitors().shown()
                    ? AreaShade.suppressed(answer.minimumCrowd())
                    : AreaShade.value(scale.colourOf(home.visitors().rounded()), home.visitors().shortText()
                            + " unique visitors of " + site.name()));
        }
        List<MapLegend.Entry> entries = new ArrayList<>(scale.legendEntries(answer.minimumCrowd()));
        entries.add(new MapLegend.Entry(null, "not shown (below the minimum crowd of " + answer.minimumCrowd() + ")",
                true));
        map.setShading(shades, new MapLegend("Where visitors of " + site.name() + " live (unique visitors, "
                + answer.release().periodFrom() + " to " + answer.release().periodTo() + ")", entries,
                "Release " + answer.release().id() + " · k = " + answer.minimumCrowd()));
    }
}
