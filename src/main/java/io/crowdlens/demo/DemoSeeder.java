package io.crowdlens.demo;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.USER_ROLE;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.common.Dataset;
import io.crowdlens.security.AccountSecuritySettings;
import io.crowdlens.security.Role;
import io.crowdlens.security.SecretBox;
import io.crowdlens.security.Totp;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: on an empty database, creates the operator's organisation, two partners with licences
 * and one user per role. On every start it gives each demo account a fresh random password and
 * prints the logins once to the console. Never active unless {@code crowdlens.demo.enabled=true}.
 */
@Component
@ConditionalOnBooleanProperty("crowdlens.demo.enabled")
public class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static final String OPERATOR = "Metro Mobile (operator)";
    static final String RETAIL_PARTNER = "Northwind Retail";
    static final String PLANNING_PARTNER = "Lakeside City Planning";

    /** The demo accounts: user name, display name, organisation, roles. */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("analyst@northwind.demo", "Nora Analyst", RETAIL_PARTNER, EnumSet.of(Role.PARTNER_ANALYST), null),
            new DemoAccount("admin@northwind.demo", "Nils Admin", RETAIL_PARTNER,
                    EnumSet.of(Role.PARTNER_ADMIN, Role.PARTNER_ANALYST), null),
            new DemoAccount("planner@lakeside.demo", "Lena Planner", PLANNING_PARTNER, EnumSet.of(Role.PARTNER_ANALYST), null),
            new DemoAccount("accounts@metromobile.demo", "Alex Accounts", OPERATOR, EnumSet.of(Role.ACCOUNT_MANAGER), null),
            new DemoAccount("dataops@metromobile.demo", "Dana Dataops", OPERATOR, EnumSet.of(Role.DATA_OPERATOR), null));

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final PasswordEncoder passwords;
    private final DemoLogins logins;
    private final AuditLog audit;
    private final Clock clock;
    private final DemoDataSettings demoData;
    private final AccountSecuritySettings security;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    public DemoSeeder(DSLContext db, TransactionTemplate tx, PasswordEncoder passwords, DemoLogins logins,
            AuditLog audit, Clock clock, DemoDataSettings demoData, AccountSecuritySettings security, SecretBox secrets) {
        this.db = db;
        this.tx = tx;
        this.passwords = passwords;
        this.logins = logins;
        this.audit = audit;
        this.clock = clock;
        this.demoData = demoData;
        this.security = security;
        this.secrets = secrets;
    }

    @EventListener
    @Order(0)
    public void seedAndPrintLogins(ApplicationReadyEvent event) {
        tx.executeWithoutResult(status -> {
            if (db.fetchCount(ORGANISATION) == 0) {
                seedOrganisationsAndLicences();
                audit.record("system", null, AuditAction.DEMO_SEEDED, AuditOutcome.SUCCESS, "demo organisations, users and licences");
                log.info("Demo mode: seeded {} organisations and {} users", 3, ACCOUNTS.size());
            }
            logins.replaceWith(resetDemoPasswords());
        });
        print(System.out, event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"));
    }

    private void seedOrganisationsAndLicences() {
        long operator = organisation(OPERATOR, "OPERATOR");
        long retail = organisation(RETAIL_PARTNER, "PARTNER");
        long planning = organisation(PLANNING_PARTNER, "PARTNER");
        db.insertInto(AREA_LAYER, AREA_LAYER.CODE, AREA_LAYER.NAME, AREA_LAYER.KIND)
                .values("district", "Districts", "POLYGON")
                .values("h3r8", "H3 cells (resolution 8)", "H3")
                .onConflictDoNothing()
                .execute();
        OffsetDateTime expires = OffsetDateTime.now(clock).plusYears(1);
        // the licences cover exactly the demo drop's period
        LocalDate from = demoData.spec().firstDay();
        LocalDate to = demoData.spec().lastDay();
        licence(retail, Dataset.PRESENCE, "district", from, to, expires, null);
        licence(retail, Dataset.VISITS, "district", from, to, expires, null);
        licence(retail, Dataset.COMMUTING, "district", from, to, expires, null);
        licence(planning, Dataset.PRESENCE, "district", from, to, expires, 20);
        licence(planning, Dataset.PRESENCE, "h3r8", from, to, expires, 20);
        licence(planning, Dataset.COMMUTING, "district", from, to, expires, 20);
        licence(planning, Dataset.VISITS, "district", from, to, expires, 20);
        for (DemoAccount account : ACCOUNTS) {
            long org = switch (account.organisation()) {
                case OPERATOR -> operator;
                case RETAIL_PARTNER -> retail;
                default -> planning;
            };
            long userId = db.insertInto(APP_USER)
                    .set(APP_USER.ORGANISATION_ID, org)
                    .set(APP_USER.USERNAME, account.username())
                    .set(APP_USER.DISPLAY_NAME, account.displayName())
                    .returningResult(APP_USER.ID)
                    .fetchSingle().value1();
            for (Role role : account.roles()) {
                db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId).set(USER_ROLE.ROLE, role.name()).execute();
            }
        }
    }

    /**
     * Fresh passwords, and for roles that require two-factor a freshly enrolled authenticator
     * secret (decision 008): printed with the logins, and hinted on the second-factor page.
     */
    private List<DemoAccount> resetDemoPasswords() {
        List<DemoAccount> fresh = new ArrayList<>();
        for (DemoAccount account : ACCOUNTS) {
            String password = newPassword();
            String totpSecret = security.twoFactorRequired(account.roles()) ? Totp.newSecret() : null;
            int updated = db.update(APP_USER)
                    .set(APP_USER.PASSWORD_HASH, passwords.encode(password))
                    .set(APP_USER.LOCKED, false)
                    .set(APP_USER.FAILED_LOGINS, 0)
                    .set(APP_USER.TOTP_SECRET, totpSecret == null ? null : secrets.seal(totpSecret))
                    .setNull(APP_USER.TOTP_LAST_STEP)
                    .set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                    .where(APP_USER.USERNAME.eq(account.username()))
                    .execute();
            if (updated == 1) {
                fresh.add(new DemoAccount(account.username(), account.displayName(), account.organisation(),
                        Set.copyOf(account.roles()), password, totpSecret));
            }
        }
        return fresh;
    }

    private long organisation(String name, String kind) {
        return db.insertInto(ORGANISATION)
                .set(ORGANISATION.NAME, name)
                .set(ORGANISATION.KIND, kind)
                .returningResult(ORGANISATION.ID)
                .fetchSingle().value1();
    }

    private void licence(long organisation, Dataset dataset, String layer, LocalDate from, LocalDate to,
            OffsetDateTime expires, Integer minK) {
        db.insertInto(LICENCE)
                .set(LICENCE.ORGANISATION_ID, organisation)
                .set(LICENCE.DATASET, dataset.name())
                .set(LICENCE.LAYER_CODE, layer)
                .set(LICENCE.WHOLE_LAYER, true)
                .set(LICENCE.DATA_FROM, from)
                .set(LICENCE.DATA_TO, to)
                .set(LICENCE.EXPIRES_AT, expires)
                .set(LICENCE.MIN_K, minK)
                .execute();
    }

    private String newPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * Printed straight to the console, not through the logger: these one-run demo passwords must
     * not end up in log files or log shippers.
     */
    private void print(PrintStream out, String port) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n============================ CrowdLens demo logins ============================\n");
        sb.append("  Passwords are new at every start (demo mode only). Open http://localhost:")
                .append(port).append("/\n\n");
        for (DemoAccount a : logins.all()) {
            sb.append(String.format("  %-28s %-18s %-26s %s%n", a.username(), a.password(), a.organisation(),
                    a.roles().stream().map(Role::label).sorted().toList()));
        }
        for (DemoAccount a : logins.all()) {
            if (a.totpSecret() != null) {
                sb.append("\n  ").append(a.username()).append(" also needs a two-factor code. Add this key to an\n")
                        .append("  authenticator app: ").append(a.totpSecret().replaceAll("(.{4})(?!$)", "$1 "))
                        .append("\n  (demo mode also shows the current code on the sign-in page).\n");
            }
        }
        sb.append("================================================================================\n");
        out.print(sb);
        out.flush();
    }
}
