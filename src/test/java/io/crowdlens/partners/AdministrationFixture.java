package io.crowdlens.partners;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.Role;
import io.crowdlens.testing.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * Two partners (Retail and Rival), the operator, and one user per role, with a licence each.
 * Names carry a suffix so that several fixtures can live in one database.
 */
final class AdministrationFixture {

    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate JUN_30 = LocalDate.of(2026, 6, 30);

    final String suffix;
    final long retail;
    final long rival;
    final long operator;
    final long retailAdmin;
    final long retailAnalyst;
    final long rivalAdmin;
    final long rivalAnalyst;
    final long accountManager;
    final long dataOperator;
    final long oldTown;
    final long harbour;
    final long cell;
    final long retailLicence;
    final long rivalLicence;

    AdministrationFixture(DSLContext db, String suffix) {
        this.suffix = suffix;
        Fixtures f = new Fixtures(db);
        f.layers();
        oldTown = f.area(Fixtures.DISTRICTS, "old-town-" + suffix);
        harbour = f.area(Fixtures.DISTRICTS, "harbour-" + suffix);
        cell = f.area(Fixtures.H3, "cell-" + suffix);
        retail = f.organisation("Retail " + suffix);
        rival = f.organisation("Rival " + suffix);
        operator = db.insertInto(io.crowdlens.db.Tables.ORGANISATION)
                .set(io.crowdlens.db.Tables.ORGANISATION.NAME, "Operator " + suffix)
                .set(io.crowdlens.db.Tables.ORGANISATION.KIND, "OPERATOR")
                .returningResult(io.crowdlens.db.Tables.ORGANISATION.ID).fetchSingle().value1();
        retailAdmin = f.user(retail, "pat-" + suffix + "@retail.test", "{noop}x", Role.PARTNER_ADMIN, Role.PARTNER_ANALYST);
        retailAnalyst = f.user(retail, "ana-" + suffix + "@retail.test", "{noop}x", Role.PARTNER_ANALYST);
        rivalAdmin = f.user(rival, "pia-" + suffix + "@rival.test", "{noop}x", Role.PARTNER_ADMIN);
        rivalAnalyst = f.user(rival, "rob-" + suffix + "@rival.test", "{noop}x", Role.PARTNER_ANALYST);
        accountManager = f.user(operator, "amy-" + suffix + "@operator.test", "{noop}x", Role.ACCOUNT_MANAGER);
        dataOperator = f.user(operator, "dan-" + suffix + "@operator.test", "{noop}x", Role.DATA_OPERATOR);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        retailLicence = f.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, nextYear, null, oldTown);
        rivalLicence = f.licence(rival, Dataset.PRESENCE, Fixtures.H3, JAN_1, JUN_30, nextYear, 20);
    }

    String retailAdminName() {
        return "pat-" + suffix + "@retail.test";
    }

    String retailAnalystName() {
        return "ana-" + suffix + "@retail.test";
    }

    String rivalAdminName() {
        return "pia-" + suffix + "@rival.test";
    }

    String rivalAnalystName() {
        return "rob-" + suffix + "@rival.test";
    }

    String accountManagerName() {
        return "amy-" + suffix + "@operator.test";
    }

    String dataOperatorName() {
        return "dan-" + suffix + "@operator.test";
    }
}
