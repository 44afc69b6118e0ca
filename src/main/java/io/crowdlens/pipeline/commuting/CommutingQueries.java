package io.crowdlens.pipeline.commuting;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.EVENT_AT;
import static io.crowdlens.pipeline.presence.ScratchTables.LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.when;

import io.crowdlens.pipeline.commuting.CorridorGeometry.CorridorCell;
import io.crowdlens.pipeline.homework.HomeWork;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Insert;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.Row3;
import org.jooq.Table;
import org.jooq.WindowSpecification;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.types.DayToSecond;

/**
 * The commuting product's engine queries, written once in jOOQ and rendered for the run's engine
 * (pinned per dialect in src/test/resources/approved/commuting-*.sql). Knows nothing of k.
 * docs/commuting.md explains each definition; the comments here say how the SQL follows it.
 */
final class CommutingQueries {

    static final Table<?> CORRIDOR_CELL = table(name("corridor_cell"));
    static final Field<String> CORRIDOR_CELL_CORRIDOR = field(name("corridor_cell", "corridor_code"), SQLDataType.VARCHAR);
    static final Field<String> CORRIDOR_CELL_KEY = field(name("corridor_cell", "cell_key"), SQLDataType.VARCHAR);
    static final Field<Integer> CORRIDOR_CELL_POSITION = field(name("corridor_cell", "position"), SQLDataType.INTEGER);

    private final DSLContext dsl;

    CommutingQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    CreateTableElementListStep createCorridorCells() {
        return dsl.createTable(CORRIDOR_CELL)
                .column(CORRIDOR_CELL_CORRIDOR.getUnqualifiedName(), SQLDataType.VARCHAR.notNull())
                .column(CORRIDOR_CELL_KEY.getUnqualifiedName(), SQLDataType.VARCHAR.notNull())
                .column(CORRIDOR_CELL_POSITION.getUnqualifiedName(), SQLDataType.INTEGER.notNull());
    }

    Insert<?> insertCorridorCells(List<CorridorCell> cells) {
        List<Row3<String, String, Integer>> rows =
                cells.stream().map(c -> DSL.row(c.corridorCode(), c.cellKey(), c.position())).toList();
        return dsl.insertInto(CORRIDOR_CELL, CORRIDOR_CELL_CORRIDOR, CORRIDOR_CELL_KEY, CORRIDOR_CELL_POSITION)
                .valuesOfRows(rows);
    }

    /** Commuters per (home area, work area): devices with both, in different areas (device_home_work has one row per device). */
    ResultQuery<Record3<String, String, Long>> commuterPairs() {
        return dsl.select(HomeWork.HOME_AREA, HomeWork.WORK_AREA, count().cast(SQLDataType.BIGINT).as("commuters"))
                .from(HomeWork.DEVICE_HOME_WORK)
                .where(HomeWork.HOME_AREA.isNotNull())
                .and(HomeWork.WORK_AREA.isNotNull())
                .groupBy(HomeWork.HOME_AREA, HomeWork.WORK_AREA);
    }

    /**
     * Commuters per (home area, work area, usual departure hour): on each weekday a commuter is seen at
     * home and later in its work area, the departure is its first event outside the home area after
     * its first event at home that day; a commuter's usual departure hour is the local hour it departed
     * in on most days (ties: the earliest hour). Each commuter counts once, in one hour, so the hours of
     * a pair add up to its commuters with a departure (docs/privacy.md: a device's contribution is one
     * figure).
     */
    ResultQuery<Record4<String, String, Integer, Long>> departures(String layer, Collection<LocalDate> weekdays) {
        Table<?> commuters = select(HomeWork.DEVICE, HomeWork.HOME_AREA, HomeWork.WORK_AREA)
                .from(HomeWork.DEVICE_HOME_WORK)
                .where(HomeWork.HOME_AREA.isNotNull()).and(HomeWork.WORK_AREA.isNotNull())
                .asTable("commuter");
        Table<?> accepted = acceptedEvents();
        Field<LocalDate> day = DSL.cast(accepted.field(LOCAL_TIME), SQLDataType.LOCALDATE);
        // a cell outside every area of the layer is outside the home area too: left join
        Table<?> dayEvents = select(accepted.field(DEVICE_KEY), day.as("local_day"), accepted.field(EVENT_AT),
                        accepted.field(LOCAL_TIME), CELL_AREA_AREA.as("area_code"),
                        commuters.field("home_area", String.class), commuters.field("work_area", String.class))
                .from(accepted)
                .join(commuters).on(commuters.field("device_key", Long.class).eq(accepted.field(DEVICE_KEY)))
                .leftJoin(CELL_AREA).on(CELL_AREA_CELL_KEY.eq(accepted.field(CELL_KEY))).and(CELL_AREA_LAYER.eq(inline(layer)))
                .where(weekdays.isEmpty() ? DSL.falseCondition() : day.in(weekdays.stream().map(DSL::inline).toList()))
                .asTable("day_event");
        Field<Long> device = dayEvents.field("device_key", Long.class);
        Field<LocalDate> localDay = dayEvents.field("local_day", LocalDate.class);
        Field<OffsetDateTime> at = dayEvents.field("event_at", OffsetDateTime.class);
        Field<String> area = dayEvents.field("area_code", String.class);
        Field<String> home = dayEvents.field("home_area", String.class);
        Field<String> work = dayEvents.field("work_area", String.class);

        Table<?> firstAtHome = select(device, localDay, min(at).as("home_at"))
                .from(dayEvents)
                .where(area.eq(home))
                .groupBy(device, localDay)
                .asTable("first_at_home");
        // the earliest local time of a set of events is in the hour of its earliest instant, even
        // when clocks go back (the repeated hour is one hour of the wall clock)
        Table<?> departed = select(device, home, work,
                        min(dayEvents.field("local_time", LocalDateTime.class)).as("departure_time"),
                        max(when(area.eq(work), inline(1)).else_(inline(0))).as("reached_work"))
                .from(dayEvents)
                .join(firstAtHome).on(firstAtHome.field("device_key", Long.class).eq(device))
                .and(firstAtHome.field("local_day", LocalDate.class).eq(localDay))
                .where(at.gt(firstAtHome.field("home_at", OffsetDateTime.class)))
                .and(area.isNull().or(area.ne(home)))
                .groupBy(device, localDay, home, work)
                .asTable("departure");
        Field<Integer> hour = DSL.extract(departed.field("departure_time", LocalDateTime.class), DatePart.HOUR);
        Field<Long> departedDevice = departed.field("device_key", Long.class);
        Field<String> departedHome = departed.field("home_area", String.class);
        Field<String> departedWork = departed.field("work_area", String.class);
        Table<?> daysPerHour = select(departedDevice, departedHome, departedWork, hour.as("hour_of_day"),
                        count().as("days"))
                .from(departed)
                .where(departed.field("reached_work", Integer.class).eq(inline(1)))
                .groupBy(departedDevice, departedHome, departedWork, hour)
                .asTable("days_per_hour");
        Field<Integer> usualHour = daysPerHour.field("hour_of_day", Integer.class);
        Table<?> ranked = select(daysPerHour.field(departedHome), daysPerHour.field(departedWork), usualHour,
                        rowNumber().over(partitionBy(daysPerHour.field(departedDevice))
                                .orderBy(daysPerHour.field("days").desc(), usualHour)).as("usual"))
                .from(daysPerHour)
                .asTable("ranked");
        Field<String> rankedHome = ranked.field(departedHome);
        Field<String> rankedWork = ranked.field(departedWork);
        Field<Integer> rankedHour = ranked.field(usualHour);
        return dsl.select(rankedHome, rankedWork, rankedHour, count().cast(SQLDataType.BIGINT).as("commuters"))
                .from(ranked)
                .where(ranked.field("usual", Integer.class).eq(inline(1)))
                .groupBy(rankedHome, rankedWork, rankedHour);
    }

    /**
     * Corridor passes per (corridor, local day and hour of entry, direction), as distinct devices (a
     * device passing twice in one hour and direction counts once). Per device and corridor, in the order of the device's own events:
     * <ol>
     *   <li>visits: consecutive events of the device in the same corridor cell;</li>
     *   <li>a traversal continues from one visit to the next when no other event of the device lies
     *       between them and the silence between them is within the time limit; its direction is
     *       +1 (outbound, along the line as drawn) or -1 (inbound); at a turn the visit it turned at
     *       ends one traversal and begins the next;</li>
     *   <li>a pass is a traversal through at least {@code minCells} cells whose exit (first event in
     *       the last cell) is within the time limit of its entry (last event in the first cell).</li>
     * </ol>
     */
    ResultQuery<Record5<String, LocalDate, Integer, Integer, Long>> corridorPasses(int minCells, Duration timeLimit,
            int passesPerDay) {
        Field<DayToSecond> limit = inline(DayToSecond.valueOf(timeLimit));
        Table<?> accepted = acceptedEvents();
        Table<?> ordered = select(accepted.field(DEVICE_KEY), accepted.field(CELL_KEY), accepted.field(EVENT_AT),
                        accepted.field(LOCAL_TIME),
                        rowNumber().over(partitionBy(accepted.field(DEVICE_KEY))
                                .orderBy(accepted.field(EVENT_AT), accepted.field(CELL_KEY))).as("seq"))
                .from(accepted)
                .asTable("ordered");
        Table<?> onCorridor = select(ordered.field("device_key"), CORRIDOR_CELL_CORRIDOR.as("corridor_code"),
                        CORRIDOR_CELL_POSITION.as("position"), ordered.field("seq"), ordered.field("event_at"),
                        ordered.field("local_time"))
                .from(ordered)
                .join(CORRIDOR_CELL).on(CORRIDOR_CELL_KEY.eq(ordered.field("cell_key", String.class)))
                .asTable("on_corridor");

        // 1. visits
        Field<Long> seq = onCorridor.field("seq", Long.class);
        Field<Integer> position = onCorridor.field("position", Integer.class);
        WindowSpecification byEvent = partitionBy(onCorridor.field("device_key"), onCorridor.field("corridor_code"))
                .orderBy(seq);
        Field<Integer> newVisit = when(lag(seq).over(byEvent).eq(seq.minus(inline(1)))
                .and(lag(position).over(byEvent).eq(position)), inline(0)).else_(inline(1));
        Table<?> visitMarked = select(onCorridor.asterisk(), newVisit.as("new_visit")).from(onCorridor).asTable("visit_marked");
        Table<?> visitNumbered = select(visitMarked.asterisk(),
                        sum(visitMarked.field("new_visit", Integer.class)).over(partitionBy(visitMarked.field("device_key"),
                                visitMarked.field("corridor_code")).orderBy(visitMarked.field("seq")).rowsUnboundedPreceding())
                                .as("visit_no"))
                .from(visitMarked)
                .asTable("visit_numbered");
        Field<?> visitDevice = visitNumbered.field("device_key");
        Field<?> visitCorridor = visitNumbered.field("corridor_code");
        Field<BigDecimal> visitNo = visitNumbered.field("visit_no", BigDecimal.class);
        Table<?> visits = select(visitDevice, visitCorridor, visitNo,
                        min(visitNumbered.field("position", Integer.class)).as("position"),
                        min(visitNumbered.field("seq", Long.class)).as("first_seq"),
                        max(visitNumbered.field("seq", Long.class)).as("last_seq"),
                        min(visitNumbered.field("event_at", OffsetDateTime.class)).as("first_at"),
                        max(visitNumbered.field("event_at", OffsetDateTime.class)).as("last_at"),
                        max(visitNumbered.field("local_time", LocalDateTime.class)).as("last_local"))
                .from(visitNumbered)
                .groupBy(visitDevice, visitCorridor, visitNo)
                .asTable("visit");

        // 2. traversals
        WindowSpecification byVisit = partitionBy(visits.field("device_key"), visits.field("corridor_code"))
                .orderBy(visits.field("visit_no"));
        Field<Long> firstSeq = visits.field("first_seq", Long.class);
        Field<Integer> visitPosition = visits.field("position", Integer.class);
        Field<OffsetDateTime> firstAt = visits.field("first_at", OffsetDateTime.class);
        var continues = lag(visits.field("last_seq", Long.class)).over(byVisit).eq(firstSeq.minus(inline(1)))
                .and(firstAt.le(lag(visits.field("last_at", OffsetDateTime.class)).over(byVisit).plus(limit)));
        Field<Integer> direction = when(continues, DSL.sign(visitPosition.minus(lag(visitPosition).over(byVisit))))
                .else_(DSL.castNull(SQLDataType.INTEGER));
        Table<?> stepped = select(visits.asterisk(), direction.as("direction"),
                        lag(visits.field("last_at", OffsetDateTime.class)).over(byVisit).as("previous_last_at"),
                        lag(visits.field("last_local", LocalDateTime.class)).over(byVisit).as("previous_last_local"))
                .from(visits)
                .asTable("stepped");
        WindowSpecification byStep = partitionBy(stepped.field("device_key"), stepped.field("corridor_code"))
                .orderBy(stepped.field("visit_no"));
        Field<Integer> stepDirection = stepped.field("direction", Integer.class);
        // a turn: the device moved, but the other way than on its previous step; the visit it turned
        // at ends one traversal and starts the next
        Field<Integer> turned = when(stepDirection.isNotNull().and(lag(stepDirection).over(byStep).ne(stepDirection)),
                inline(1)).else_(inline(0));
        Table<?> traversalMarked = select(stepped.asterisk(), turned.as("turned")).from(stepped).asTable("traversal_marked");
        Field<Integer> turnedHere = traversalMarked.field("turned", Integer.class);
        Field<Integer> newTraversal = when(traversalMarked.field("direction", Integer.class).isNull().or(turnedHere.eq(inline(1))),
                inline(1)).else_(inline(0));
        Table<?> traversalNumbered = select(traversalMarked.asterisk(),
                        sum(newTraversal).over(partitionBy(traversalMarked.field("device_key"),
                                        traversalMarked.field("corridor_code"))
                                .orderBy(traversalMarked.field("visit_no")).rowsUnboundedPreceding()).as("traversal_no"))
                .from(traversalMarked)
                .asTable("traversal_numbered");

        // 3. passes: a traversal that began with a turn also holds the visit it turned at (its entry)
        Field<?> passDevice = traversalNumbered.field("device_key");
        Field<?> passCorridor = traversalNumbered.field("corridor_code");
        Field<Integer> beganWithTurn = traversalNumbered.field("turned", Integer.class);
        Field<OffsetDateTime> entryAt = min(when(beganWithTurn.eq(inline(1)),
                traversalNumbered.field("previous_last_at", OffsetDateTime.class))
                .else_(traversalNumbered.field("last_at", OffsetDateTime.class)));
        // the entry's local time: see the note on departures about clocks going back
        Field<LocalDateTime> entryTime = min(when(beganWithTurn.eq(inline(1)),
                traversalNumbered.field("previous_last_local", LocalDateTime.class))
                .else_(traversalNumbered.field("last_local", LocalDateTime.class)));
        Field<OffsetDateTime> exitAt = max(traversalNumbered.field("first_at", OffsetDateTime.class));
        Field<Integer> cells = count().plus(max(beganWithTurn));
        Table<?> passes = select(passDevice, passCorridor,
                        max(traversalNumbered.field("direction", Integer.class)).as("direction"),
                        entryTime.as("entry_time"))
                .from(traversalNumbered)
                .groupBy(passDevice, passCorridor, traversalNumbered.field("traversal_no"))
                .having(cells.ge(inline(minCells)))
                .and(exitAt.le(entryAt.plus(limit)))
                .asTable("pass");
        // 4. the bound: per device and day of entry at most passesPerDay passes, the earliest first (ties
        // by corridor and direction); then a device counts once per corridor, day, hour and direction
        Field<LocalDateTime> entry = passes.field("entry_time", LocalDateTime.class);
        Field<LocalDate> entryDay = DSL.cast(entry, SQLDataType.LOCALDATE);
        Table<?> rankedPasses = select(passes.field("device_key"), passes.field("corridor_code"),
                        passes.field("direction"), entry, entryDay.as("local_day"),
                        rowNumber().over(partitionBy(passes.field("device_key"), entryDay)
                                .orderBy(entry, passes.field("corridor_code"), passes.field("direction")))
                                .as("contribution"))
                .from(passes)
                .asTable("ranked_pass");
        Field<LocalDateTime> rankedEntry = rankedPasses.field("entry_time", LocalDateTime.class);
        Field<String> corridor = rankedPasses.field("corridor_code", String.class);
        Field<LocalDate> rankedDay = rankedPasses.field("local_day", LocalDate.class);
        Field<Integer> entryHour = DSL.extract(rankedEntry, DatePart.HOUR);
        Field<Integer> passDirection = rankedPasses.field("direction", Integer.class);
        return dsl.select(corridor, rankedDay, entryHour.as("hour_of_day"), passDirection,
                        countDistinct(rankedPasses.field("device_key")).cast(SQLDataType.BIGINT).as("passes"))
                .from(rankedPasses)
                .where(rankedPasses.field("contribution", Integer.class).le(inline(passesPerDay)))
                .groupBy(corridor, rankedDay, entryHour, passDirection);
    }

    private static Table<?> acceptedEvents() {
        return select(DEVICE_KEY, CELL_KEY, EVENT_AT, LOCAL_TIME)
                .from(CLASSIFIED_EVENT)
                .where(STATUS.isNull())
                .asTable("accepted");
    }
}
