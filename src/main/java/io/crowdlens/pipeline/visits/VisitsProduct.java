package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.drop.LocalTimeGrid;
import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.DataProduct;
import io.crowdlens.pipeline.ProductAggregates;
import io.crowdlens.pipeline.ProductRun;
import io.crowdlens.pipeline.RunInputs;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.homework.HomeWork;
import io.crowdlens.pipeline.homework.HomeWorkSettings;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Visitors (docs/visits.md): stays at the operator's sites, then per site unique visitors per local hour
 * and per day, visits by dwell time, first-time vs returning visitors and the catchment. Published when
 * the drop carries sites.geojson; sites in a sensitive category are left out before anything is counted.
 */
@Component
@Order(2)
public class VisitsProduct implements DataProduct {

    static final String SITES_FILE = "sites.geojson";
    private static final Logger log = LoggerFactory.getLogger(VisitsProduct.class);

    private final VisitsSettings settings;
    private final HomeWorkSettings homeWork;
    private final PrivacySettings privacy;

    public VisitsProduct(VisitsSettings settings, HomeWorkSettings homeWork, PrivacySettings privacy) {
        this.settings = settings;
        this.homeWork = homeWork;
        this.privacy = privacy;
    }

    @Override
    public Dataset dataset() {
        return Dataset.VISITS;
    }

    @Override
    public Optional<ProductRun> plan(RunInputs run) {
        List<FamilyCost> costs = VisitsProtection.costs(privacy.bounds());
        String homeLayer = HomeWork.layer(run.geography(), homeWork);
        List<String> homeAreas = run.geography().areas().stream().filter(a -> a.layer().equals(homeLayer))
                .map(Area::code).toList();
        return sitesAndTimes(run).map(plan -> ProductRun.of(costs, engine -> new Aggregates(
                count(engine, run, plan), plan, costs, DwellBuckets.from(settings.minimumDwell()), homeLayer,
                homeAreas)));
    }

    /** What a run needs to know before any event: the sites that count, their cells, the local time grid. */
    record Plan(SiteCoverage coverage, LocalTimeGrid grid) {
    }

    Optional<Plan> sitesAndTimes(RunInputs run) {
        Path file = run.files().directory().resolve(SITES_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<Site> sites = SiteReader.read(file);
        List<Site> kept = sites.stream().filter(s -> !settings.sensitiveCategories().contains(s.category())).toList();
        log.info("{}: {} sites, {} left out as sensitive ({})", SITES_FILE, sites.size(), sites.size() - kept.size(),
                settings.sensitiveCategories());
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Manifest manifest = run.manifest();
        SiteCoverage coverage = SiteCoverage.of(kept, run.cells(), run.geography().areas());
        kept.stream().filter(s -> coverage.cellsServing(s.code()) == 0).forEach(s -> log.warn(
                "{}: no cell serves site {} ({}): it is published without figures", SITES_FILE, s.code(), s.name()));
        return Optional.of(new Plan(coverage,
                LocalTimeGrid.of(manifest.periodFrom(), manifest.periodTo(), manifest.timeZone())));
    }

    /** Every visitors figure of the staged, classified drop, unprotected; the catchment's areas are homes. */
    VisitsCounts count(PipelineEngine engine, RunInputs run, Plan plan) {
        SiteCoverage coverage = plan.coverage();
        LocalTimeGrid grid = plan.grid();
        ProgressListener progress = run.progress();
        DSLContext sql = engine.sql();
        VisitsStaging staging = new VisitsStaging(sql);
        List<Query> staged = new ArrayList<>(staging.siteCells(coverage.siteCells()));
        staged.addAll(staging.hourSlots(grid.hours()));
        staged.addAll(staging.daySlots(grid.days()));
        staged.forEach(sql::execute);
        engine.execute("Finding stays at sites",
                new StayDetection(sql, settings.minimumDwell(), settings.gapTolerance()).createStays());

        DwellBuckets buckets = DwellBuckets.from(settings.minimumDwell());
        VisitsAggregation visits = new VisitsAggregation(sql, buckets, LocalTimeGrid.longest(grid.hours()),
                privacy.bounds());
        sql.execute(visits.stayDays());
        String homeLayer = HomeWork.ensure(engine, run, homeWork).layer();
        progress.started("Aggregating visitors");
        List<VisitsCounts.Visitors> visitors = new ArrayList<>();
        sql.fetch(visits.hourly()).forEach(r ->
                visitors.add(new VisitsCounts.Visitors(r.value1(), r.value2(), r.value3(), r.value4())));
        sql.fetch(visits.daily()).forEach(r ->
                visitors.add(new VisitsCounts.Visitors(r.value1(), r.value2(), null, r.value3())));
        List<VisitsCounts.Dwell> dwell = sql.fetch(visits.dwell()).map(r -> new VisitsCounts.Dwell(r.value1(),
                r.value2(), r.value3(), buckets.upperBoundOf(r.value3()), r.value4()));
        List<VisitsCounts.Loyalty> loyalty = sql.fetch(visits.firstTimeAndReturning())
                .map(r -> new VisitsCounts.Loyalty(r.value1(), r.value2(), r.value3(), r.value4()));
        List<VisitsCounts.Catchment> catchment = sql.fetch(visits.catchment())
                .map(r -> new VisitsCounts.Catchment(r.value1(), homeLayer, r.value2(), r.value3()));
        VisitsCounts counts = new VisitsCounts(visitors, dwell, loyalty, catchment);
        progress.finished("Aggregating visitors", counts.rows());
        return counts;
    }

    private record Aggregates(VisitsCounts counts, Plan plan, List<FamilyCost> costs, DwellBuckets buckets,
            String homeLayer, List<String> homeAreas) implements ProductAggregates {

        @Override
        public long rows() {
            return counts.rows();
        }

        @Override
        public PublishableAggregates protect(Protection protection) {
            VisitsProtection.Result safe = VisitsProtection.protect(counts, costs, protection, plan.coverage().sites(),
                    plan.grid(), buckets, homeLayer, homeAreas);
            return new PublishableVisits(safe.published(), safe.noise(), plan.coverage(), buckets);
        }
    }
}
