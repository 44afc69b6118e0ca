package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_DAY_HOURS;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The presence read models besides the day rows ({@link DayRowReader}): layers and areas (reference
 * geography) and a release's stored daily figures. Only {@link PresenceQueryService} calls it, inside
 * the figure gate.
 */
@Component
class PresenceReader {

    private final DSLContext db;

    PresenceReader(DSLContext db) {
        this.db = db;
    }

    /** The named layers among {@code codes}, polygon layers first. */
    Map<String, String> layerNames(Collection<String> codes) {
        Map<String, String> layers = new LinkedHashMap<>();
        db.select(AREA_LAYER.CODE, AREA_LAYER.NAME).from(AREA_LAYER)
                .where(AREA_LAYER.CODE.in(codes))
                .orderBy(AREA_LAYER.KIND.desc(), AREA_LAYER.CODE)
                .forEach(r -> layers.put(r.value1(), r.value2()));
        return layers;
    }

    /** Every area of a layer with its outline, by name. */
    List<LicensedArea> areasWithOutlines(String layer) {
        return db.select(AREA.ID, AREA.NAME, AREA.GEOMETRY).from(AREA)
                .where(AREA.LAYER_CODE.eq(layer))
                .orderBy(AREA.NAME)
                .fetch(r -> new LicensedArea(r.value1(), r.value2(), r.value3()));
    }

    /** Every area of a layer without outline, by name then id. */
    List<LicensedArea> areaNames(String layer) {
        return db.select(AREA.ID, AREA.NAME).from(AREA).where(AREA.LAYER_CODE.eq(layer))
                .orderBy(AREA.NAME, AREA.ID)
                .fetch(r -> new LicensedArea(r.value1(), r.value2(), null));
    }

    /** Streams every area of a layer in id order (id, name), with flat memory. */
    void forEachAreaById(String layer, Consumer<Record2<Long, String>> area) {
        try (Cursor<Record2<Long, String>> areas = db.select(AREA.ID, AREA.NAME).from(AREA)
                .where(AREA.LAYER_CODE.eq(layer))
                .orderBy(AREA.ID)
                .fetchSize(1000).fetchLazy()) {
            areas.forEach(area);
        }
    }

    Optional<String> areaName(long areaId, String layer) {
        return db.select(AREA.NAME).from(AREA)
                .where(AREA.ID.eq(areaId)).and(AREA.LAYER_CODE.eq(layer))
                .fetchOptional(AREA.NAME);
    }

    /** The release's stored daily figures of one area on the given days. */
    Map<LocalDate, Integer> daily(long releaseId, long areaId, List<LocalDate> days) {
        Map<LocalDate, Integer> byDay = new HashMap<>();
        db.select(PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.DEVICES)
                .from(PRESENCE_DAILY)
                .where(PRESENCE_DAILY.RELEASE_ID.eq(releaseId))
                .and(PRESENCE_DAILY.AREA_ID.eq(areaId))
                .and(PRESENCE_DAILY.LOCAL_DAY.in(days))
                .forEach(r -> byDay.put(r.value1(), r.value2()));
        return byDay;
    }

    /**
     * The day rows of a selection: its release and layer, its date range as one range of the primary
     * key, and its days of the week.
     */
    static Condition selectedDays(long releaseId, PresenceSelection selection) {
        if (selection.dates().isEmpty()) {
            return DSL.falseCondition();
        }
        Condition days = PRESENCE_DAY_HOURS.RELEASE_ID.eq(releaseId)
                .and(PRESENCE_DAY_HOURS.LAYER_CODE.eq(selection.layer()))
                .and(PRESENCE_DAY_HOURS.LOCAL_DAY.between(selection.from(), selection.to()));
        if (selection.days() == DayFilter.EVERY_DAY) {
            return days;
        }
        List<Integer> isoDays = Arrays.stream(DayOfWeek.values()).filter(selection.days()::includes)
                .map(DayOfWeek::getValue).toList();
        return days.and(DSL.extract(PRESENCE_DAY_HOURS.LOCAL_DAY, DatePart.ISO_DAY_OF_WEEK).in(isoDays));
    }

    /** One area's day rows on the selection's days. */
    static Condition areaDays(long releaseId, long areaId, List<LocalDate> days) {
        return PRESENCE_DAY_HOURS.RELEASE_ID.eq(releaseId)
                .and(PRESENCE_DAY_HOURS.AREA_ID.eq(areaId))
                .and(PRESENCE_DAY_HOURS.LOCAL_DAY.in(days));
    }
}
