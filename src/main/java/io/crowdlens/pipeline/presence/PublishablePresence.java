package io.crowdlens.pipeline.presence;

import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.publish.AreaIds;
import io.crowdlens.pipeline.publish.Batches;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import java.util.List;
import org.jooq.DSLContext;

/** Protected presence rows, written to presence_hourly and presence_daily. */
public record PublishablePresence(List<PresenceCount> published, long suppressedRows) implements PublishableAggregates {

    public PublishablePresence {
        published = List.copyOf(published);
    }

    @Override
    public Dataset dataset() {
        return Dataset.PRESENCE;
    }

    @Override
    public long publishedRows() {
        return published.size();
    }

    @Override
    public void write(DSLContext db, long releaseId, AreaIds areaIds) {
        Batches.insert(db, published.stream().filter(r -> !r.isDaily()).toList(),
                db.insertInto(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID, PRESENCE_HOURLY.LAYER_CODE,
                        PRESENCE_HOURLY.LOCAL_DAY, PRESENCE_HOURLY.HOUR_OF_DAY, PRESENCE_HOURLY.AREA_ID,
                        PRESENCE_HOURLY.DEVICES).values((Long) null, null, null, null, null, null),
                r -> new Object[] {releaseId, r.layerCode(), r.localDay(), r.hourOfDay().shortValue(),
                        areaIds.of(r.layerCode(), r.areaCode()), Math.toIntExact(r.devices())});
        Batches.insert(db, published.stream().filter(PresenceCount::isDaily).toList(),
                db.insertInto(PRESENCE_DAILY, PRESENCE_DAILY.RELEASE_ID, PRESENCE_DAILY.LAYER_CODE,
                        PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.AREA_ID, PRESENCE_DAILY.DEVICES)
                        .values((Long) null, null, null, null, null),
                r -> new Object[] {releaseId, r.layerCode(), r.localDay(), areaIds.of(r.layerCode(), r.areaCode()),
                        Math.toIntExact(r.devices())});
    }
}
