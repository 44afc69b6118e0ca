package io.crowdlens.audit;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail is append-only in the application and in the database itself, on each engine. */
abstract class AuditLogContract {

    @Autowired AuditLog audit;
    @Autowired DSLContext db;

    @Test
    void recordsWhoDidWhatWithItsOutcomeAndFigures() {
        audit.recordFigures("ana@retail.test", null, AuditAction.EXPORT, AuditOutcome.SUCCESS, "presence CSV", 120, 7);

        var row = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.DETAIL.eq("presence CSV")).fetchSingle();
        assertThat(row.getActor()).isEqualTo("ana@retail.test");
        assertThat(row.getAction()).isEqualTo("EXPORT");
        assertThat(row.getFiguresReturned()).isEqualTo(120);
        assertThat(row.getFiguresSuppressed()).isEqualTo(7);
        assertThat(row.getOccurredAt()).isNotNull();
    }

    @Test
    void databaseRefusesToChangeOrDeleteAnAuditRecord() {
        audit.record("amy@operator.test", null, AuditAction.ADMIN_CHANGE, AuditOutcome.SUCCESS, "tamper target");

        assertThatThrownBy(() -> db.update(AUDIT_EVENT).set(AUDIT_EVENT.DETAIL, "rewritten")
                .where(AUDIT_EVENT.DETAIL.eq("tamper target")).execute())
                .rootCause().hasMessageContaining("append-only").hasMessageContaining("UPDATE");
        assertThatThrownBy(() -> db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.DETAIL.eq("tamper target")).execute())
                .rootCause().hasMessageContaining("append-only").hasMessageContaining("DELETE");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.DETAIL.eq("tamper target"))).isEqualTo(1);
    }

    @Test
    void hostileActorNamesAreStoredAsBoundedPlainText() {
        String hostile = "x".repeat(300) + "\u0000\n";
        audit.record(hostile, null, AuditAction.SIGN_IN, AuditOutcome.FAILURE, "hostile");

        String stored = db.select(AUDIT_EVENT.ACTOR).from(AUDIT_EVENT).where(AUDIT_EVENT.DETAIL.eq("hostile"))
                .fetchSingle().value1();
        assertThat(stored).hasSize(254).doesNotContain("\u0000", "\n");
    }
}
