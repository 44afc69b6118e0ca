package io.crowdlens.pipeline.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DuckDB renders local time as the instant plus the zone's offset at it ({@link ZoneOffsets}) instead of
 * {@code AT TIME ZONE}. Within two days of the period that must be exactly what {@code AT TIME ZONE}
 * gives, and further out the local date must still fall outside the period (those rows are rejected).
 */
class LocalTimeFromZoneOffsetsTest {

    @ParameterizedTest
    @CsvSource({
            "Europe/Berlin, 2026-10-19, 2026-11-01",   // clocks go back inside the period
            "Europe/Berlin, 2026-03-23, 2026-04-05",   // clocks go forward
            "Europe/Berlin, 2026-03-01, 2026-11-30",   // both
            "America/St_Johns, 2026-10-28, 2026-11-04", // -03:30 / -02:30, change at the period's edge
            "Australia/Lord_Howe, 2026-03-30, 2026-04-12", // a half-hour change
            "Asia/Kolkata, 2026-01-01, 2026-01-14",    // +05:30, no change
            "Pacific/Chatham, 2026-09-20, 2026-10-03", // +12:45 / +13:45
            "UTC, 2026-10-19, 2026-11-01"})
    void localTimeIsWhatAtTimeZoneGivesAndOutsideThePeriodStaysOutside(String zoneId, LocalDate from, LocalDate to)
            throws SQLException {
        ZoneId zone = ZoneId.of(zoneId);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("set TimeZone = 'UTC'");
            statement.execute("create table t (e timestamp with time zone)");
            Instant windowStart = from.minusDays(2).atStartOfDay(zone).toInstant();
            Instant windowEnd = to.plusDays(3).atStartOfDay(zone).toInstant();
            // every 7 minutes 13 seconds from three days before the window to three days after it
            statement.execute("insert into t select to_timestamp(s) from range("
                    + windowStart.minusSeconds(3 * 86_400).getEpochSecond() + ", "
                    + windowEnd.plusSeconds(3 * 86_400).getEpochSecond() + ", 433) r(s)");
            for (long second : specialInstants(zone, windowStart, windowEnd)) {
                statement.execute("insert into t values (to_timestamp(" + second + "))");
            }

            DSLContext dsl = DSL.using(connection, SQLDialect.DUCKDB);
            Field<OffsetDateTime> e = field(name("e"), SQLDataType.TIMESTAMPWITHTIMEZONE);
            Field<LocalDateTime> rendered = new EngineSql(SQLDialect.DUCKDB).localTime(e, zone, from, to);
            Field<LocalDateTime> atTimeZone =
                    field("({0} at time zone {1})", SQLDataType.LOCALDATETIME, e, inline(zone.getId()));
            var inWindow = e.ge(inline(windowStart.atOffset(java.time.ZoneOffset.UTC)))
                    .and(e.lt(inline(windowEnd.atOffset(java.time.ZoneOffset.UTC))));
            Field<LocalDate> renderedDay = DSL.cast(rendered, SQLDataType.LOCALDATE);

            int checked = dsl.fetchCount(dsl.selectFrom(DSL.table(name("t"))).where(inWindow));
            int differing = dsl.fetchCount(dsl.selectFrom(DSL.table(name("t")))
                    .where(inWindow).and(rendered.isDistinctFrom(atTimeZone)));
            int outsideButInPeriod = dsl.fetchCount(dsl.selectFrom(DSL.table(name("t")))
                    .where(DSL.not(inWindow)).and(renderedDay.between(inline(from), inline(to))));

            assertThat(checked).isGreaterThan(2_000);
            assertThat(differing).as("instants in the window whose local time differs from AT TIME ZONE").isZero();
            assertThat(outsideButInPeriod).as("instants outside the window that land in the period").isZero();
        }
    }

    /** Each offset change within the window, a second before and after, and instants years away. */
    private static List<Long> specialInstants(ZoneId zone, Instant windowStart, Instant windowEnd) {
        List<Long> seconds = new ArrayList<>(List.of(0L, -86_400L * 365 * 30, 86_400L * 365 * 200,
                windowStart.getEpochSecond() - 1, windowStart.getEpochSecond(), windowEnd.getEpochSecond() - 1,
                windowEnd.getEpochSecond()));
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(windowStart);
                t != null && t.getInstant().isBefore(windowEnd); t = zone.getRules().nextTransition(t.getInstant())) {
            long at = t.getInstant().getEpochSecond();
            seconds.addAll(List.of(at - 1, at, at + 1));
        }
        return seconds;
    }
}
