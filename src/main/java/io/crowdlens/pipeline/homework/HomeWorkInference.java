package io.crowdlens.pipeline.homework;

import static io.crowdlens.pipeline.homework.HomeWork.DEVICE_HOME_WORK;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import io.crowdlens.pipeline.homework.HomeWorkSettings.TieRule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The home/work query, written once in jOOQ and rendered for the run's engine: one
 * {@code create table device_home_work as select ...} over the accepted events (docs/home-work.md).
 *
 * <ul>
 *   <li>night visits: (device, area, night) for every event in the night hours; a night is named by the
 *       date it began on, computed on the wall clock (local time minus the night's end hour), so an
 *       event at 02:00 belongs to the night that began the evening before, and DST changes nothing;</li>
 *   <li>home: the area with the most distinct nights, if at least {@code minNights}; a tie follows the
 *       tie rule;</li>
 *   <li>work: the same over distinct weekdays in working hours, if at least {@code minWorkDays}; null
 *       when it is the home area.</li>
 * </ul>
 */
final class HomeWorkInference {

    private final DSLContext dsl;
    private final HomeWorkSettings settings;

    HomeWorkInference(DSLContext dsl, HomeWorkSettings settings) {
        this.dsl = dsl;
        this.settings = settings;
    }

    /**
     * @param layer the polygon layer whose areas are homes and workplaces
     * @param weekdays the local dates of the period that count as working days (Monday to Friday)
     */
    Query createTable(String layer, Collection<LocalDate> weekdays) {
        Table<?> accepted = select(DEVICE_KEY, CELL_KEY, LOCAL_TIME)
                .from(CLASSIFIED_EVENT)
                .where(STATUS.isNull())
                .asTable("accepted");
        Table<?> events = select(accepted.field(DEVICE_KEY), CELL_AREA_AREA.as("area_code"), accepted.field(LOCAL_TIME))
                .from(accepted)
                .join(CELL_AREA).on(CELL_AREA_CELL_KEY.eq(accepted.field(CELL_KEY)))
                .and(CELL_AREA_LAYER.eq(inline(layer)))
                .asTable("located");
        Field<LocalDateTime> local = events.field("local_time", LocalDateTime.class);
        Field<Integer> hour = DSL.extract(local, DatePart.HOUR);

        Field<LocalDate> night = DSL.cast(DSL.localDateTimeSub(local, inline(settings.nightEndHour()), DatePart.HOUR),
                SQLDataType.LOCALDATE);
        Table<?> home = mostFrequent(events, night, inNight(hour), settings.minNights()).asTable("home");

        Field<LocalDate> day = DSL.cast(local, SQLDataType.LOCALDATE);
        Condition workingHours = hour.ge(inline(settings.workStartHour())).and(hour.lt(inline(settings.workEndHour())))
                .and(weekdays.isEmpty() ? DSL.falseCondition() : day.in(weekdays.stream().map(DSL::inline).toList()));
        Table<?> work = mostFrequent(events, day, workingHours, settings.minWorkDays()).asTable("work");

        Field<Long> homeDevice = home.field("device_key", Long.class);
        Field<Long> workDevice = work.field("device_key", Long.class);
        Field<String> homeArea = home.field("area_code", String.class);
        Field<String> workArea = work.field("area_code", String.class);
        return dsl.createTable(DEVICE_HOME_WORK).as(
                select(coalesce(homeDevice, workDevice).as(HomeWork.DEVICE.getName()),
                        homeArea.as(HomeWork.HOME_AREA.getName()),
                        when(workArea.eq(homeArea), DSL.castNull(SQLDataType.VARCHAR)).else_(workArea)
                                .as(HomeWork.WORK_AREA.getName()))
                        .from(home)
                        .fullOuterJoin(work).on(homeDevice.eq(workDevice)));
    }

    /** 1 when the table exists in the engine's current schema, 0 when not. */
    ResultQuery<Record1<Integer>> tableExists() {
        // plain SQL: the engines render without schema names, which would drop "information_schema"
        return dsl.select(count())
                .from(DSL.table("information_schema.tables"))
                .where(field("table_name", SQLDataType.VARCHAR).eq(inline(DEVICE_HOME_WORK.getName())))
                .and(field("table_schema", SQLDataType.VARCHAR).eq(currentSchema()));
    }

    /** jOOQ renders current_schema() for TRINO, where it is a special form without parentheses. */
    private Field<String> currentSchema() {
        return dsl.dialect().family() == SQLDialect.TRINO ? field("current_schema", SQLDataType.VARCHAR) : DSL.currentSchema();
    }

    private Condition inNight(Field<Integer> hour) {
        Condition afterStart = hour.ge(inline(settings.nightStartHour()));
        Condition beforeEnd = hour.lt(inline(settings.nightEndHour()));
        return settings.nightStartHour() > settings.nightEndHour() ? afterStart.or(beforeEnd) : afterStart.and(beforeEnd);
    }

    /**
     * Per device, the area seen on the most distinct {@code occasion}s (nights or days) among the events
     * that meet {@code when}, provided it has at least {@code minimum} of them; ties follow the tie rule.
     */
    private org.jooq.Select<?> mostFrequent(Table<?> events, Field<LocalDate> occasion, Condition when, int minimum) {
        Field<Long> device = events.field("device_key", Long.class);
        Field<String> area = events.field("area_code", String.class);
        Table<?> counts = select(device, area, countDistinct(occasion).as("occasions"))
                .from(events)
                .where(when)
                .groupBy(device, area)
                .asTable("counted");
        Field<Long> countedDevice = counts.field("device_key", Long.class);
        Field<String> countedArea = counts.field("area_code", String.class);
        Field<Integer> occasions = counts.field("occasions", Integer.class);
        Table<?> ranked = select(countedDevice, countedArea, occasions,
                rowNumber().over(partitionBy(countedDevice).orderBy(occasions.desc(), countedArea)).as("place"),
                count().over(partitionBy(countedDevice, occasions)).as("sharing"))
                .from(counts)
                .asTable("ranked");
        Condition top = ranked.field("place", Integer.class).eq(inline(1))
                .and(ranked.field("occasions", Integer.class).ge(inline(minimum)));
        if (settings.tieRule() == TieRule.NONE) {
            top = top.and(ranked.field("sharing", Integer.class).eq(inline(1)));
        }
        return select(ranked.field("device_key", Long.class), ranked.field("area_code", String.class))
                .from(ranked)
                .where(top);
    }
}
