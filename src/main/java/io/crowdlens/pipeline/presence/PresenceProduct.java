package io.crowdlens.pipeline.presence;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.DataProduct;
import io.crowdlens.pipeline.ProductAggregates;
import io.crowdlens.pipeline.ProductRun;
import io.crowdlens.pipeline.RunInputs;
import io.crowdlens.pipeline.drop.LocalTimeGrid;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.Noised;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.protect.PublicGrid;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Presence: distinct devices per area per local hour and per local day, for every layer. Every drop
 * has it. Its public grids: every area of every layer (the H3 cells derived from the cells file, never
 * from the events) at every local hour, and on every local day, of the period.
 */
@Component
@Order(1)
public class PresenceProduct implements DataProduct {

    private final PrivacySettings privacy;

    public PresenceProduct(PrivacySettings privacy) {
        this.privacy = privacy;
    }

    @Override
    public Dataset dataset() {
        return Dataset.PRESENCE;
    }

    @Override
    public Optional<ProductRun> plan(RunInputs run) {
        PrivacySettings.Bounds bounds = privacy.bounds();
        int layers = run.geography().layerNames().size();
        List<FamilyCost> costs = List.of(
                FamilyCost.perDay(FigureFamily.PRESENCE_HOURLY, bounds.presenceAreaHoursPerDay() * layers,
                        "at most " + bounds.presenceAreaHoursPerDay() + " area-hours per device, day and layer ("
                                + layers + " layers), the earliest first"),
                FamilyCost.perDay(FigureFamily.PRESENCE_DAILY, bounds.presenceAreasPerDay() * layers,
                        "at most " + bounds.presenceAreasPerDay() + " areas per device, day and layer (" + layers
                                + " layers), the first seen first"));
        LocalTimeGrid time = LocalTimeGrid.of(run.manifest().periodFrom(), run.manifest().periodTo(),
                run.manifest().timeZone());
        List<Area> areas = run.geography().areas();
        return Optional.of(ProductRun.of(costs,
                engine -> new Aggregates(count(engine, bounds, run.progress()), costs, areas, time)));
    }

    /** Hourly and daily presence of every layer, within the contribution bounds, unprotected. */
    public static List<PresenceCount> count(PipelineEngine engine, PrivacySettings.Bounds bounds,
            ProgressListener progress) {
        List<PresenceCount> counts = new ArrayList<>();
        PresenceAggregation presence = new PresenceAggregation(engine.sql(), bounds.presenceAreaHoursPerDay(),
                bounds.presenceAreasPerDay());
        engine.execute("Aggregating presence", presence.seen());
        progress.started("Counting presence");
        engine.sql().fetch(presence.hourly()).forEach(r ->
                counts.add(new PresenceCount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        engine.sql().fetch(presence.daily()).forEach(r ->
                counts.add(new PresenceCount(r.value1(), r.value2(), r.value3(), null, r.value4())));
        engine.sql().execute(presence.dropSeen());
        progress.finished("Counting presence", counts.size());
        return counts;
    }

    private record Aggregates(List<PresenceCount> counts, List<FamilyCost> costs, List<Area> areas,
            LocalTimeGrid time) implements ProductAggregates {

        @Override
        public long rows() {
            return counts.size();
        }

        @Override
        public PublishableAggregates protect(Protection protection) {
            Map<PresenceCount.Key, Long> hourly = new HashMap<>();
            Map<PresenceCount.Key, Long> daily = new HashMap<>();
            for (PresenceCount count : counts) {
                (count.isDaily() ? daily : hourly).put(count.key(), count.devices());
            }
            PublicGrid<PresenceCount.Key> hours = cell -> {
                for (Area area : areas) {
                    for (LocalTimeGrid.Slot hour : time.hours()) {
                        cell.accept(new PresenceCount.Key(area.layer(), area.code(), hour.localDay(), hour.hourOfDay()));
                    }
                }
            };
            PublicGrid<PresenceCount.Key> days = cell -> {
                for (Area area : areas) {
                    for (LocalTimeGrid.Slot day : time.days()) {
                        cell.accept(new PresenceCount.Key(area.layer(), area.code(), day.localDay(), null));
                    }
                }
            };
            Noised<PresenceCount.Key> noisyHours = protection.noise(costs.get(0), hours, hourly);
            Noised<PresenceCount.Key> noisyDays = protection.noise(costs.get(1), days, daily);
            List<PresenceCount> published = new ArrayList<>(noisyHours.stored().size() + noisyDays.stored().size());
            noisyHours.stored().forEach(c -> published.add(c.key().withDevices(c.value())));
            noisyDays.stored().forEach(c -> published.add(c.key().withDevices(c.value())));
            return new PublishablePresence(published, List.of(noisyHours.record(), noisyDays.record()));
        }
    }
}
