package io.crowdlens.commuting;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Component;

/**
 * Reads a release's stored commuting figures (noisy, each at least the release's k) and its
 * reference geography. Only the commuting query services call it, inside the figure gate.
 */
@Component
class PublishedCommuting {

    record PairRow(long homeId, long workId, int commuters) {
    }

    record DepartureRow(long homeId, long workId, int hour, int commuters) {
    }

    record PassRow(LocalDate day, int hour, String direction, int passes) {
    }

    private final DSLContext db;

    PublishedCommuting(DSLContext db) {
        this.db = db;
    }

    /** The layer of a release's home and work areas (empty when the release stored no pair at all). */
    Optional<String> layerOf(long releaseId) {
        return db.select(COMMUTING_OD.LAYER_CODE).from(COMMUTING_OD)
                .where(COMMUTING_OD.RELEASE_ID.eq(releaseId)).limit(1)
                .fetchOptional(COMMUTING_OD.LAYER_CODE);
    }

    String layerName(String layer) {
        return db.select(AREA_LAYER.NAME).from(AREA_LAYER).where(AREA_LAYER.CODE.eq(layer))
                .fetchOptional(AREA_LAYER.NAME).orElse(layer);
    }

    List<District> districtsOf(String layer) {
        return db.select(AREA.ID, AREA.CODE, AREA.NAME, AREA.GEOMETRY, AREA.CENTROID_LAT, AREA.CENTROID_LON)
                .from(AREA).where(AREA.LAYER_CODE.eq(layer)).orderBy(AREA.NAME, AREA.ID)
                .fetch(Records.mapping(District::new));
    }

    List<CorridorLine> corridorsOf(long releaseId) {
        return db.select(CORRIDOR.ID, CORRIDOR.CODE, CORRIDOR.NAME, CORRIDOR.GEOMETRY, CORRIDOR.BUFFER_METRES,
                        CORRIDOR.CELL_COUNT)
                .from(CORRIDOR).where(CORRIDOR.RELEASE_ID.eq(releaseId)).orderBy(CORRIDOR.NAME, CORRIDOR.ID)
                .fetch(Records.mapping(CorridorLine::new));
    }

    /** The stored pairs with {@code districtId} at either end. */
    List<PairRow> pairsOf(long releaseId, long districtId) {
        return pairs(releaseId, COMMUTING_OD.HOME_AREA_ID.eq(districtId).or(COMMUTING_OD.WORK_AREA_ID.eq(districtId)));
    }

    /** The stored pairs between the given districts. */
    List<PairRow> pairsAmong(long releaseId, Collection<Long> districtIds) {
        return pairs(releaseId, COMMUTING_OD.HOME_AREA_ID.in(districtIds).and(COMMUTING_OD.WORK_AREA_ID.in(districtIds)));
    }

    private List<PairRow> pairs(long releaseId, Condition which) {
        return db.select(COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS)
                .from(COMMUTING_OD)
                .where(COMMUTING_OD.RELEASE_ID.eq(releaseId)).and(which)
                .fetch(Records.mapping(PairRow::new));
    }

    /** The stored departure-hour figures of the pairs with {@code districtId} at either end. */
    List<DepartureRow> departuresOf(long releaseId, long districtId) {
        return db.select(COMMUTING_DEPARTURE.HOME_AREA_ID, COMMUTING_DEPARTURE.WORK_AREA_ID,
                        COMMUTING_DEPARTURE.HOUR_OF_DAY.cast(Integer.class), COMMUTING_DEPARTURE.COMMUTERS)
                .from(COMMUTING_DEPARTURE)
                .where(COMMUTING_DEPARTURE.RELEASE_ID.eq(releaseId))
                .and(COMMUTING_DEPARTURE.HOME_AREA_ID.eq(districtId).or(COMMUTING_DEPARTURE.WORK_AREA_ID.eq(districtId)))
                .fetch(Records.mapping(DepartureRow::new));
    }

    List<PassRow> passes(long releaseId, long corridorId, LocalDate from, LocalDate to) {
        return db.select(CORRIDOR_PASS.LOCAL_DAY, CORRIDOR_PASS.HOUR_OF_DAY.cast(Integer.class), CORRIDOR_PASS.DIRECTION,
                        CORRIDOR_PASS.PASSES)
                .from(CORRIDOR_PASS)
                .where(CORRIDOR_PASS.RELEASE_ID.eq(releaseId))
                .and(CORRIDOR_PASS.CORRIDOR_ID.eq(corridorId))
                .and(CORRIDOR_PASS.LOCAL_DAY.between(from, to))
                .fetch(Records.mapping(PassRow::new));
    }
}
