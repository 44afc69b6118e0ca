package io.crowdlens.pipeline.presence;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.DataProduct;
import io.crowdlens.pipeline.ProductAggregates;
import io.crowdlens.pipeline.ProductRun;
import io.crowdlens.pipeline.RunInputs;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Presence: distinct devices per area per local hour and per local day, for every layer. Every drop has it. */
@Component
@Order(1)
public class PresenceProduct implements DataProduct {

    @Override
    public Dataset dataset() {
        return Dataset.PRESENCE;
    }

    @Override
    public Optional<ProductRun> plan(RunInputs run) {
        return Optional.of(engine -> new Aggregates(count(engine, run.progress())));
    }

    /** Hourly and daily presence of every layer, unprotected. */
    public static List<PresenceCount> count(PipelineEngine engine, ProgressListener progress) {
        List<PresenceCount> counts = new ArrayList<>();
        PresenceAggregation presence = new PresenceAggregation(engine.sql());
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

    private record Aggregates(List<PresenceCount> counts) implements ProductAggregates {

        @Override
        public long rows() {
            return counts.size();
        }

        @Override
        public PublishableAggregates protect(Protection protection) {
            Protection.Protected<PresenceCount> safe =
                    protection.apply(counts, PresenceCount::devices, PresenceCount::withDevices);
            return new PublishablePresence(safe.published(), safe.suppressed());
        }
    }
}
