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
 * area and day, decision 017), counting only the stored figures that reach the asking partner's k
 * (docs/privacy.md, rule 3: each part is checked before it is combined). On PostgreSQL the database
 * sums, so a few values per area cross the wire instead of every hour of every day; H2 runs in this
 * JVM, where reading the day rows costs little and Java sums them faster than H2 evaluates the same
 * expressions (docs/benchmarks.md). Both ways return the same figures: the presence contract runs on
 * both engines.
 */
@Component
class DayRowReader {

    private final DSLContext db;
    private final boolean sumsInDatabase;

    DayRowReader(DSLContext db) {
        this.db = db;
        this.sumsInDatabase = db.dialect().family() == SQLDialect.POSTGRES;
    }

    /**
     * One area's hourly figures over the selected days and hours that reach k: their sum, their highest
     * and how many there were.
     */
    record AreaTotal(long areaId, long sum, long peak, int used) {
    }

    /** Every area with a figure at k in {@code days} and the hours, in area id order, streamed; close it. */
    AreaTotals areaTotals(Condition days, int firstHour, int lastHour, int k) {
        if (!sumsInDatabase) {
            Cursor<Record> rows = dayRows(days, firstHour, lastHour).orderBy(PRESENCE_DAY_HOURS.AREA_ID)
                    .fetchSize(5000).fetchLazy();
            return new SummedHere(rows, firstHour, lastHour, k);
        }
        List<Field<Integer>> passing = new ArrayList<>();
        List<Field<Integer>> used = new ArrayList<>();
        for (int hour = firstHour; hour <= lastHour; hour++) {
            passing.add(passing(hour, k));
            used.add(used(hour, k));
        }
        Field<Integer> dayTotal = passing.stream().reduce(Field::plus).orElseThrow();
        Field<Integer> dayUsed = used.stream().reduce(Field::plus).orElseThrow();
        Field<Integer> dayPeak = passing.size() == 1 ? passing.get(0)
                : DSL.greatest(passing.get(0), passing.subList(1, passing.size()).toArray(Field[]::new));
        Cursor<Record> rows = db.select(List.<Field<?>>of(PRESENCE_DAY_HOURS.AREA_ID, DSL.sum(dayTotal), DSL.max(dayPeak),
                        DSL.sum(dayUsed)))
                .from(PRESENCE_DAY_HOURS)
                .where(days)
                .groupBy(PRESENCE_DAY_HOURS.AREA_ID)
                .orderBy(PRESENCE_DAY_HOURS.AREA_ID)
                .fetchSize(5000).fetchLazy();
        return new SummedInDatabase(rows);
    }

    /** Per area with a figure at k in {@code days}: each hour's sum, peak and count of such figures. */
    Map<Long, HourTotals> hourTotals(Condition days, int firstHour, int lastHour, int k) {
        Map<Long, HourTotals> byArea = new HashMap<>();
        if (!sumsInDatabase) {
            try (Cursor<Record> rows = dayRows(days, firstHour, lastHour).fetchSize(5000).fetchLazy()) {
                for (Record day : rows) {
                    byArea.computeIfAbsent(day.get(PRESENCE_DAY_HOURS.AREA_ID), a -> new HourTotals())
                            .addDay(day, firstHour, lastHour, k);
                }
            }
            return byArea;
        }
        List<Field<?>> columns = new ArrayList<>(List.of(PRESENCE_DAY_HOURS.AREA_ID));
        for (int hour = firstHour; hour <= lastHour; hour++) {
            columns.add(DSL.sum(passing(hour, k)));
            columns.add(DSL.max(passing(hour, k)));
            columns.add(DSL.sum(used(hour, k)));
        }
        db.select(columns).from(PRESENCE_DAY_HOURS).where(days).groupBy(PRESENCE_DAY_HOURS.AREA_ID)
                .forEach(r -> byArea.put(r.get(PRESENCE_DAY_HOURS.AREA_ID), HourTotals.summed(r, firstHour, lastHour)));
        return byArea;
    }

    /** The hour's figure where it reaches k, else 0 (an empty hour is null, which fails the test too). */
    private static Field<Integer> passing(int hour, int k) {
        Field<Integer> figure = PresenceDayHours.hour(hour);
        return DSL.when(figure.ge(DSL.val(k)), figure).else_(DSL.inline(0));
    }

    private static Field<Integer> used(int hour, int k) {
        return DSL.when(PresenceDayHours.hour(hour).ge(DSL.val(k)), DSL.inline(1)).else_(DSL.inline(0));
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

        /** The next area with a figure at k, or null at the end. */
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
        private final int k;
        private Record pending;

        SummedHere(Cursor<Record> rows, int firstHour, int lastHour, int k) {
            super(rows);
            this.firstHour = firstHour;
            this.lastHour = lastHour;
            this.k = k;
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
                int used = 0;
                while (day != null && day.get(PRESENCE_DAY_HOURS.AREA_ID) == area) {
                    for (int column = 1; column <= lastHour - firstHour + 1; column++) {
                        Integer devices = (Integer) day.get(column);
                        if (devices != null && devices >= k) {
                            sum += devices;
                            peak = Math.max(peak, devices);
                            used++;
                        }
                    }
                    day = rows.fetchNext();
                }
                pending = day;
                if (used > 0) {
                    return new AreaTotal(area, sum, peak, used);
                }
            }
        }
    }

    /** (area_id, sum, peak, used) rows grouped by the database. */
    static final class SummedInDatabase extends AreaTotals {
        SummedInDatabase(Cursor<Record> rows) {
            super(rows);
        }

        @Override
        AreaTotal read(Cursor<Record> rows) {
            for (Record row = rows.fetchNext(); row != null; row = rows.fetchNext()) {
                long used = ((BigDecimal) row.get(3)).longValueExact();
                if (used > 0) {
                    return new AreaTotal((Long) row.get(0), ((BigDecimal) row.get(1)).longValueExact(),
                            ((Number) row.get(2)).longValue(), (int) used);
                }
            }
            return null;
        }
    }
}
