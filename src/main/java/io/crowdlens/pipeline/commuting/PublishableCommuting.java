package io.crowdlens.pipeline.commuting;

import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.protect.NoiseRecord;
import io.crowdlens.pipeline.publish.AreaIds;
import io.crowdlens.pipeline.publish.Batches;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** Protected (noised, at least k) commuting rows and the release's corridors, written to the serving database. */
record PublishableCommuting(String layer, List<Corridor> corridors, Map<String, Integer> corridorCells,
        List<CommuterPair> pairs, List<DepartureCount> departures, List<CorridorPassCount> passes,
        List<NoiseRecord> noise) implements PublishableAggregates {

    PublishableCommuting {
        corridors = List.copyOf(corridors);
        corridorCells = Map.copyOf(corridorCells);
        pairs = List.copyOf(pairs);
        departures = List.copyOf(departures);
        passes = List.copyOf(passes);
        noise = List.copyOf(noise);
    }

    @Override
    public Dataset dataset() {
        return Dataset.COMMUTING;
    }

    @Override
    public long publishedRows() {
        return pairs.size() + departures.size() + passes.size();
    }

    @Override
    public void write(DSLContext db, long releaseId, AreaIds areaIds) {
        Batches.insert(db, pairs, db.insertInto(COMMUTING_OD, COMMUTING_OD.RELEASE_ID, COMMUTING_OD.LAYER_CODE,
                        COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS)
                        .values((Long) null, null, null, null, null),
                p -> new Object[] {releaseId, layer, areaIds.of(layer, p.homeArea()), areaIds.of(layer, p.workArea()),
                        Math.toIntExact(p.commuters())});
        Batches.insert(db, departures, db.insertInto(COMMUTING_DEPARTURE, COMMUTING_DEPARTURE.RELEASE_ID,
                        COMMUTING_DEPARTURE.HOME_AREA_ID, COMMUTING_DEPARTURE.WORK_AREA_ID, COMMUTING_DEPARTURE.HOUR_OF_DAY,
                        COMMUTING_DEPARTURE.COMMUTERS)
                        .values((Long) null, null, null, null, null),
                d -> new Object[] {releaseId, areaIds.of(layer, d.homeArea()), areaIds.of(layer, d.workArea()),
                        (short) d.hourOfDay(), Math.toIntExact(d.commuters())});
        Map<String, Long> corridorIds = new HashMap<>();
        for (Corridor corridor : corridors) {
            corridorIds.put(corridor.code(), db.insertInto(CORRIDOR)
                    .set(CORRIDOR.RELEASE_ID, releaseId)
                    .set(CORRIDOR.CODE, corridor.code())
                    .set(CORRIDOR.NAME, corridor.name())
                    .set(CORRIDOR.GEOMETRY, corridor.geometry())
                    .set(CORRIDOR.BUFFER_METRES, corridor.bufferMetres())
                    .set(CORRIDOR.CELL_COUNT, corridorCells.getOrDefault(corridor.code(), 0))
                    .returningResult(CORRIDOR.ID)
                    .fetchSingle().value1());
        }
        Batches.insert(db, passes, db.insertInto(CORRIDOR_PASS, CORRIDOR_PASS.RELEASE_ID, CORRIDOR_PASS.CORRIDOR_ID,
                        CORRIDOR_PASS.LOCAL_DAY, CORRIDOR_PASS.HOUR_OF_DAY, CORRIDOR_PASS.DIRECTION, CORRIDOR_PASS.PASSES)
                        .values((Long) null, null, null, null, null, null),
                p -> new Object[] {releaseId, corridorIds.get(p.corridorCode()), p.localDay(), (short) p.hourOfDay(),
                        p.direction().name(), Math.toIntExact(p.passes())});
    }
}
