package io.crowdlens.api;

import java.sql.SQLException;
import java.time.Duration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Bounds the database time of an API request: each statement gets a JDBC query timeout of what is
 * left of the request's time (rounded up to whole seconds, JDBC's unit), and no statement starts once
 * the time is up. The database cancels a statement that runs over (H2 and PostgreSQL both honour
 * {@code setQueryTimeout}), which frees its connection, instead of the request going on unseen.
 * Outside an API request (portal, pipeline) it does nothing.
 */
class ApiDeadlineListener implements ExecuteListener {

    @Override
    public void executeStart(ExecuteContext ctx) {
        Duration left = ApiDeadline.remaining();
        if (left == null) {
            return;
        }
        if (left.isNegative() || left.isZero()) {
            throw new ApiTimeoutException();
        }
        if (ctx.statement() != null) {
            try {
                int seconds = (int) Math.max(1, (left.toMillis() + 999) / 1000);
                ctx.statement().setQueryTimeout(seconds);
            } catch (SQLException e) {
                throw new IllegalStateException("could not bound the statement's time", e);
            }
        }
    }
}
