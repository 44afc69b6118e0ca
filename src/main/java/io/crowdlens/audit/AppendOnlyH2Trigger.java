package io.crowdlens.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's half of the database-level guard that keeps audit_event append-only (db/vendor/h2). */
public class AppendOnlyH2Trigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "42501");
    }
}
