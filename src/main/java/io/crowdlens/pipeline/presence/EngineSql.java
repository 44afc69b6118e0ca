package io.crowdlens.pipeline.presence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.WindowSpecification;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The few expressions jOOQ 3.21 does not render usably for every engine (see
 * docs/decisions/001-pipeline-engines.md). Everything else in the queries is plain jOOQ DSL.
 */
final class EngineSql {

    /** ISO-8601 with a date, a time and an offset or Z ('T' or a space between date and time). */
    static final String ISO_INSTANT =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$";
    static final String EPOCH_MILLIS = "^-?[0-9]{1,15}$";
    /** A date and a time without an offset: local time in some zone, not an instant. */
    static final String LOCAL_DATE_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?$";

    private final SQLDialect dialect;

    EngineSql(SQLDialect dialect) {
        this.dialect = dialect.family();
    }

    /**
     * The typed instant when the file carries one; otherwise the instant the timestamp text denotes, or
     * null when it is neither ISO-8601 with offset nor epoch ms.
     */
    Field<OffsetDateTime> instant(Field<OffsetDateTime> typed, Field<String> text) {
        return DSL.case_()
                .when(typed.isNotNull(), typed)
                .when(matches(text, EPOCH_MILLIS), epochMillis(text))
                .when(matches(text, ISO_INSTANT), isoInstant(withSeconds(text)))
                .else_(DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE));
    }

    Condition matches(Field<String> text, String regex) {
        return switch (dialect) {
            // jOOQ renders like_regex, which Trino does not know
            case TRINO -> DSL.condition("regexp_like({0}, {1})", text, inline(regex));
            default -> text.likeRegex(inline(regex));
        };
    }

    private Field<OffsetDateTime> epochMillis(Field<String> text) {
        return switch (dialect) {
            // not from_unixtime(x / 1000.0): 1000.0 is a decimal(5,1) in Trino, so that kept tenths of a second
            // (found when Trino first executed it); interval arithmetic is exact to the millisecond
            case TRINO -> field("(timestamp '1970-01-01 00:00:00.000 UTC' + cast({0} as bigint) * interval '0.001' second)",
                    SQLDataType.TIMESTAMPWITHTIMEZONE, text);
            default -> field("to_timestamp(cast({0} as bigint) / 1000.0)", SQLDataType.TIMESTAMPWITHTIMEZONE, text);
        };
    }

    /**
     * ISO-8601 may leave out the seconds ("10:00Z", as java.time writes whole minutes); PostgreSQL reads
     * that, DuckDB does not, so ":00" is added first.
     */
    private Field<String> withSeconds(Field<String> text) {
        String minutesThenOffset = "^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2})(Z|[+-])";
        String replacement = dialect == SQLDialect.TRINO ? "$1:00$2" : "\\1:00\\2";
        return field("regexp_replace({0}, {1}, {2})", SQLDataType.VARCHAR, text, inline(minutesThenOffset),
                inline(replacement));
    }

    /** The regex lets through impossible dates such as 2026-02-30: those must become null, not an error. */
    private Field<OffsetDateTime> isoInstant(Field<String> text) {
        return switch (dialect) {
            // jOOQ renders try_cast for POSTGRES, which PostgreSQL does not have
            case POSTGRES -> DSL.case_()
                    .when(DSL.condition("pg_input_is_valid({0}, 'timestamptz')", text),
                            field("cast({0} as timestamp with time zone)", SQLDataType.TIMESTAMPWITHTIMEZONE, text))
                    .else_(DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE));
            case TRINO -> field("try(from_iso8601_timestamp(replace({0}, ' ', 'T')))", SQLDataType.TIMESTAMPWITHTIMEZONE, text);
            default -> DSL.tryCast(text, SQLDataType.TIMESTAMPWITHTIMEZONE);
        };
    }

    /**
     * Wall-clock time in the zone, DST-aware. PostgreSQL and Trino convert with {@code AT TIME ZONE}. In
     * DuckDB that conversion goes through ICU and cost about a third of all classification time, so there
     * the zone's offsets around the period are rendered as a CASE on the epoch (see {@link ZoneOffsets}):
     * exact for every instant within two days of the period, and for instants further out it still gives
     * a local date outside the period, which is all the classification asks of them.
     */
    Field<LocalDateTime> localTime(Field<OffsetDateTime> instant, ZoneId zone, LocalDate from, LocalDate to) {
        return switch (dialect) {
            case DUCKDB -> {
                Field<Long> micros = field("epoch_us({0})", SQLDataType.BIGINT, instant);
                ZoneOffsets offsets = ZoneOffsets.around(zone, from, to);
                CaseConditionStep<Long> offset = null;
                for (ZoneOffsets.Change change : offsets.changes()) {
                    Condition before = micros.lt(inline(change.atEpochMicros()));
                    Field<Long> micro = inline(change.offsetBeforeMicros());
                    offset = offset == null ? DSL.when(before, micro) : offset.when(before, micro);
                }
                Field<Long> shift = offset == null ? inline(offsets.lastOffsetMicros())
                        : offset.else_(inline(offsets.lastOffsetMicros()));
                yield field("make_timestamp({0})", SQLDataType.LOCALDATETIME, micros.plus(shift));
            }
            // Trino's AT TIME ZONE keeps the zone; the cast keeps the wall-clock time and drops it
            case TRINO -> field("cast({0} at time zone {1} as timestamp)", SQLDataType.LOCALDATETIME, instant,
                    inline(zone.getId()));
            default -> field("({0} at time zone {1})", SQLDataType.LOCALDATETIME, instant, inline(zone.getId()));
        };
    }

    /**
     * A keyed 64-bit hash of a pseudonymous id: equal ids give equal keys within a run, and the key (a
     * bind value, never part of the SQL text) differs per run. Not a cryptographic MAC; see
     * docs/decisions/015-keyed-device-hash.md for why that is enough here and what it costs.
     */
    Field<Long> keyedHash(Field<String> key, Field<String> id) {
        return switch (dialect) {
            // hash() is a UBIGINT; dropping one bit makes it fit a BIGINT
            case DUCKDB -> field("cast(hash({0} || {1}) >> 1 as bigint)", SQLDataType.BIGINT, key, id);
            case POSTGRES -> field("hashtextextended({0} || {1}, 0)", SQLDataType.BIGINT, key, id);
            case TRINO -> field("from_big_endian_64(xxhash64(to_utf8({0} || {1})))", SQLDataType.BIGINT, key, id);
            default -> throw new IllegalArgumentException("no keyed hash for " + dialect);
        };
    }

    /**
     * A 64-bit hash of an accepted event (device key, cell, instant): equal events hash equal; unequal
     * ones may collide, so it only preselects (see {@link EventClassification#findDuplicates}).
     */
    Field<Long> eventHash(Field<Long> deviceKey, Field<String> cell, Field<OffsetDateTime> instant) {
        return switch (dialect) {
            case DUCKDB -> field("hash({0}, {1}, {2})", SQLDataType.BIGINT, deviceKey, cell, instant);
            case POSTGRES -> field("hashtextextended(concat_ws('|', {0}, {1}, {2}), 0)", SQLDataType.BIGINT,
                    deviceKey, cell, instant);
            case TRINO -> field("from_big_endian_64(xxhash64(to_utf8(concat_ws('|', cast({0} as varchar), {1},"
                    + " cast({2} as varchar)))))", SQLDataType.BIGINT, deviceKey, cell, instant);
            default -> throw new IllegalArgumentException("no event hash for " + dialect);
        };
    }

    /**
     * The window in which each accepted event's hash meets its neighbour ({@link EventClassification#findDuplicates}).
     * One ordered window over all events is a single task on a single node in Trino: the whole drop
     * sorted in one place. Equal hashes fall into the same bucket, so one window per bucket finds
     * exactly the same repeated hashes and spreads over the workers.
     */
    WindowSpecification hashNeighbours(Field<Long> hash) {
        if (dialect == SQLDialect.TRINO) {
            return DSL.partitionBy(field("bitwise_and({0}, 1023)", SQLDataType.BIGINT, hash)).orderBy(hash);
        }
        return DSL.orderBy(hash);
    }

    /** The text without surrounding blanks; null when nothing else is left. */
    Field<String> trimmedOrNull(Field<String> text) {
        return DSL.nullif(trimmed(text), inline(""));
    }

    /**
     * The text without surrounding blanks. trim() copies every value, blanks or not: for 10.9 M CSV
     * events that was a fifth of the classification's time in DuckDB, so it only runs on values that
     * start or end with a blank (PostgreSQL's and DuckDB's trim remove blanks only, so the result is
     * the same). Trino's trim also removes other whitespace, so Trino keeps trim().
     */
    Field<String> trimmed(Field<String> text) {
        if (dialect == SQLDialect.TRINO) {
            return DSL.trim(text);
        }
        return when(text.like(inline(" %")).or(text.like(inline("% "))), DSL.trim(text)).else_(text);
    }

    static Field<String> nullUnless(Condition condition, Field<String> value) {
        return when(condition, value).else_(DSL.castNull(SQLDataType.VARCHAR));
    }
}
