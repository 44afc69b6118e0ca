package io.crowdlens.presence;

import static io.crowdlens.db.Tables.PRESENCE_DAY_HOURS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Sums and peaks of published hourly presence per area, read from presence_day_hours (one row per
 * area and day, decision 017). On PostgreSQL the database sums, so a few values per area cross the
 * wire instead of every hour of every day; H2 runs in this JVM, where reading the day rows costs
 * little and Java sums them faster than H2 evaluates the same expressions (docs/benchmarks.md).
 * Both ways return the same figures: the presence contract runs on both engines.
 */
@Component
class DayRowReader {

    private final DSLContext db;
    private final boolean sumsInDatabase;

    DayRowReader(DSLContext db) {
        this.db = db;
        this.sumsInDatabase = db.dialect().family() == SQLDialect.POSTGRES;
    }

    /** One area's hourly counts over the selected days and hours: their sum and their highest (above 0). */
    record AreaTotal(long areaId, long sum, long peak) {
    }

    /** Every area with a published count in {@code days} and the hours, in area id order, streamed; close it. */
    AreaTotals areaTotals(Condition days, int firstHour, int lastHour) {
        if (!sumsInDatabase) {
            Cursor<Record> rows = dayRows(days, firstHour, lastHour).orderBy(PRESENCE_DAY_HOURS.AREA_ID)
                    .fetchSize(5000).fetchLazy();
            return new SummedHere(rows, firstHour, lastHour);
        }
        List<Field<Integer>> hours = new ArrayList<>();
        for (int hour = firstHour; hour <= lastHour; hour++) {
            hours.add(DSL.coalesce(PresenceDayHours.hour(hour), DSL.inline(0)));
        }
        // published counts are positive: an empty hour adds 0 to the sum, and a peak of 0 means none
        Field<Integer> dayTotal = hours.stream().reduce(Field::plus).orElseThrow();
        Field<Integer> dayPeak = hours.size() == 1 ? hours.get(0)
                : DSL.greatest(hours.get(0), hours.subList(1, hours.size()).toArray(Field[]::new));
        Cursor<Record> rows = db.select(List.<Field<?>>of(PRESENCE_DAY_HOURS.AREA_ID, DSL.sum(dayTotal), DSL.max(dayPeak)))
                .from(PRESENCE_DAY_HOURS)
                .where(days)
                .groupBy(PRESENCE_DAY_HOURS.AREA_ID)
                .orderBy(PRESENCE_DAY_HOURS.AREA_ID)
                .fetchSize(5000).fetchLazy();
        return new SummedInDatabase(rows);
    }

    /** Per area with a published count in {@code days}: each hour's sum and peak, hours first to last. */
    Map<Long, HourTotals> hourTotals(Condition days, int firstHour, int lastHour) {
        Map<Long, HourTotals> byArea = new HashMap<>();
        if (!sumsInDatabase) {
            try (Cursor<Record> rows = dayRows(days, firstHour, lastHour).fetchSize(5000).fetchLazy()) {
                for (Record day : rows) {
                    byArea.computeIfAbsent(day.get(PRESENCE_DAY_HOURS.AREA_ID), a -> new HourTotals())
                            .addDay(day, firstHour, lastHour);
                }
            }
            return byArea;
        }
        List<Field<?>> columns = new ArrayList<>(List.of(PRESENCE_DAY_HOURS.AREA_ID));
        for (int hour = firstHour; hour <= lastHour; hour++) {
            columns.add(DSL.sum(PresenceDayHours.hour(hour)));
            columns.add(DSL.max(PresenceDayHours.hour(hour)));
        }
        db.select(columns).from(PRESENCE_DAY_HOURS).where(days).groupBy(PRESENCE_DAY_HOURS.AREA_ID)
                .forEach(r -> byArea.put(r.get(PRESENCE_DAY_HOURS.AREA_ID), HourTotals.summed(r, firstHour, lastHour)));
        return byArea;
    }

    /** area_id, then the hours first to last (read by position in {@link HourTotals#addDay}). */
    private org.jooq.SelectConditionStep<Record> dayRows(Condition days, int firstHour, int lastHour) {
        List<Field<?>> columns = new ArrayList<>(List.of(PRESENCE_DAY_HOURS.AREA_ID));
        for (int hour = firstHour; hour <= lastHour; hour++) {
            columns.add(PresenceDayHours.hour(hour));
        }
        return db.select(columns).from(PRESENCE_DAY_HOURS).where(days);
    }

    /** Area totals in area id order, backed by an open cursor. */
    abstract static sealed class AreaTotals implements AutoCloseable permits SummedHere, SummedInDatabase {

        private final Cursor<Record> rows;

        AreaTotals(Cursor<Record> rows) {
            this.rows = rows;
        }

        /** The next area with a published count, or null at the end. */
        AreaTotal nextOrNull() {
            return read(rows);
        }

        abstract AreaTotal read(Cursor<Record> rows);

        @Override
        public void close() {
            rows.close();
        }
    }

    /** Day rows in area order, summed per area as they stream. */
    static final class SummedHere extends AreaTotals {
        private final int firstHour;
        private final int lastHour;
        private Record pending;

        SummedHere(Cursor<Record> rows, int firstHour, int lastHour) {
            super(rows);
            this.firstHour = firstHour;
            this.lastHour = lastHour;
        }

        @Override
        AreaTotal read(Cursor<Record> rows) {
            while (true) {
                Record day = pending != null ? pending : rows.fetchNext();
                pending = null;
                if (day == null) {
                    return null;
                }
                long area = day.get(PRESENCE_DAY_HOURS.AREA_ID);
                long sum = 0;
                long peak = 0;
                while (day != null && day.get(PRESENCE_DAY_HOURS.AREA_ID) == area) {
                    for (int column = 1; column <= lastHour - firstHour + 1; column++) {
                        Integer devices = (Integer) day.get(column);
                        if (devices != null) {
                            sum += devices;
                            peak = Math.max(peak, devices);
                        }
                    }
                    day = rows.fetchNext();
                }
                pending = day;
                if (peak > 0) {
                    return new AreaTotal(area, sum, peak);
                }
            }
        }
    }

    /** (area_id, sum, peak) rows grouped by the database. */
    static final class SummedInDatabase extends AreaTotals {
        SummedInDatabase(Cursor<Record> rows) {
            super(rows);
        }

        @Override
        AreaTotal read(Cursor<Record> rows) {
            for (Record row = rows.fetchNext(); row != null; row = rows.fetchNext()) {
                Integer peak = (Integer) row.get(2);
                if (peak != null && peak > 0) {
                    return new AreaTotal((Long) row.get(0), ((BigDecimal) row.get(1)).longValueExact(), peak);
                }
            }
            return null;
        }
    }
}
