package io.crowdlens.pipeline.commuting;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.DataProduct;
import io.crowdlens.pipeline.ProductAggregates;
import io.crowdlens.pipeline.ProductRun;
import io.crowdlens.pipeline.RunInputs;
import io.crowdlens.pipeline.commuting.CorridorGeometry.CorridorCell;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.homework.HomeWork;
import io.crowdlens.pipeline.homework.HomeWork.HomeWorkTable;
import io.crowdlens.pipeline.homework.HomeWorkSettings;
import io.crowdlens.pipeline.drop.LocalTimeGrid;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Commuting (docs/commuting.md): commuters per (home area, work area) with their weekday departure
 * hours, and passes along the drop's highway corridors per local day, hour of entry and direction.
 * Every drop with a polygon layer has the flows; corridors need corridors.geojson (without it the
 * release has flows and no corridors). A bad corridors.geojson fails the run before any event is read.
 */
@Component
@Order(3)
public class CommutingProduct implements DataProduct {

    private final HomeWorkSettings homeWork;
    private final CommutingSettings settings;
    private final PrivacySettings privacy;

    public CommutingProduct(HomeWorkSettings homeWork, CommutingSettings settings, PrivacySettings privacy) {
        this.homeWork = homeWork;
        this.settings = settings;
        this.privacy = privacy;
    }

    @Override
    public Dataset dataset() {
        return Dataset.COMMUTING;
    }

    @Override
    public Optional<ProductRun> plan(RunInputs run) {
        boolean hasPolygonLayer = run.geography().layerNames().keySet().stream()
                .anyMatch(layer -> !layer.equals(run.geography().h3Layer()));
        if (!hasPolygonLayer) {
            return Optional.empty();
        }
        Path file = run.files().directory().resolve(CorridorReader.FILE);
        List<Corridor> corridors = Files.isRegularFile(file) ? CorridorReader.read(file) : List.of();
        List<CorridorCell> cells = new ArrayList<>();
        for (Corridor corridor : corridors) {
            cells.addAll(CorridorGeometry.cellsOf(corridor, run.cells()));
        }
        List<FamilyCost> costs = CommutingProtection.costs(privacy.bounds(), !corridors.isEmpty());
        String layer = HomeWork.layer(run.geography(), homeWork);
        List<String> areas = run.geography().areas().stream().filter(a -> a.layer().equals(layer)).map(Area::code)
                .toList();
        LocalTimeGrid time = LocalTimeGrid.of(run.manifest().periodFrom(), run.manifest().periodTo(),
                run.manifest().timeZone());
        return Optional.of(ProductRun.of(costs, engine -> new Aggregates(
                count(engine, run, homeWork, settings, privacy.bounds(), corridors, cells), costs, areas, time)));
    }

    static CommutingCounts count(PipelineEngine engine, RunInputs run, HomeWorkSettings homeWorkSettings,
            CommutingSettings settings, PrivacySettings.Bounds bounds, List<Corridor> corridors,
            List<CorridorCell> corridorCells) {
        HomeWorkTable homeWork = HomeWork.ensure(engine, run, homeWorkSettings);
        CommutingQueries queries = new CommutingQueries(engine.sql());
        String step = "Aggregating commuter flows";
        run.progress().started(step);
        List<CommuterPair> pairs = engine.sql().fetch(queries.commuterPairs())
                .map(r -> new CommuterPair(r.value1(), r.value2(), r.value3()));
        List<DepartureCount> departures = engine.sql().fetch(queries.departures(homeWork.layer(), HomeWork.weekdays(run.manifest())))
                .map(r -> new DepartureCount(r.value1(), r.value2(), r.value3(), r.value4()));
        run.progress().finished(step, pairs.size() + departures.size());

        Map<String, Integer> cellsPerCorridor = new LinkedHashMap<>();
        corridors.forEach(c -> cellsPerCorridor.put(c.code(), 0));
        corridorCells.forEach(c -> cellsPerCorridor.merge(c.corridorCode(), 1, Integer::sum));
        List<CorridorPassCount> passes = List.of();
        if (!corridors.isEmpty()) {
            step = "Counting corridor passes";
            run.progress().started(step);
            engine.sql().execute(queries.createCorridorCells());
            for (int i = 0; i < corridorCells.size(); i += 1000) {
                engine.sql().execute(queries.insertCorridorCells(corridorCells.subList(i, Math.min(corridorCells.size(), i + 1000))));
            }
            passes = engine.sql().fetch(queries.corridorPasses(settings.corridorMinCells(), settings.corridorTimeLimit(),
                            bounds.corridorPassesPerDay()))
                    .map(r -> new CorridorPassCount(r.value1(), r.value2(), r.value3(), Direction.ofSign(r.value4()),
                            r.value5()));
            run.progress().finished(step, passes.size());
        }
        return new CommutingCounts(homeWork.layer(), corridors, cellsPerCorridor, pairs, departures, passes);
    }

    private record Aggregates(CommutingCounts counts, List<FamilyCost> costs, List<String> areas,
            LocalTimeGrid time) implements ProductAggregates {

        @Override
        public long rows() {
            return counts.rows();
        }

        @Override
        public PublishableAggregates protect(Protection protection) {
            return CommutingProtection.protect(counts, costs, protection, areas, time);
        }
    }
}
