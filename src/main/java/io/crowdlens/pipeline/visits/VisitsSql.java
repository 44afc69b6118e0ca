package io.crowdlens.pipeline.visits;

import static org.jooq.impl.DSL.field;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.SQLDataType;

/**
 * The one expression of the visitors queries that jOOQ has no portable form for: an instant as
 * whole epoch milliseconds. Integer milliseconds keep the dwell and gap arithmetic exact, so a stay
 * of exactly the minimum dwell is one on every engine (a double from extract(epoch ...) is not).
 */
final class VisitsSql {

    private final SQLDialect dialect;

    VisitsSql(SQLDialect dialect) {
        this.dialect = dialect.family();
    }

    Field<Long> epochMillis(Field<OffsetDateTime> instant) {
        return switch (dialect) {
            case DUCKDB -> field("epoch_ms({0})", SQLDataType.BIGINT, instant);
            // extract(epoch ...) is numeric in PostgreSQL (exact), so the product is exact too
            case POSTGRES -> field("cast(floor(extract(epoch from {0}) * 1000) as bigint)", SQLDataType.BIGINT, instant);
            // to_unixtime is a double in Trino; date_diff counts whole milliseconds
            case TRINO -> field("date_diff('millisecond', from_unixtime(0), {0})", SQLDataType.BIGINT, instant);
            default -> throw new IllegalArgumentException("no epoch milliseconds for " + dialect);
        };
    }
}
