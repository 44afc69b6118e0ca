package io.crowdlens.partners;

import static io.crowdlens.db.Tables.ORGANISATION;

import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account managers create, rename, suspend and reactivate organisations. Suspension takes effect
 * at the next request of every open session of the organisation's users (SessionRevalidationFilter)
 * and empties its licence scope. Every change is audited against the organisation it concerns.
 */
@Service
public class OrganisationAdministration {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    public OrganisationAdministration(DSLContext db, CurrentUser currentUser, AuditLog audit) {
        this.db = db;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional
    public long create(String name, OrganisationKind kind) {
        String clean = validName(name);
        if (kind == null) {
            throw new AdministrationException("Choose whether this is a partner or the operator.");
        }
        requireUniqueName(clean, null);
        long id = db.insertInto(ORGANISATION)
                .set(ORGANISATION.NAME, clean)
                .set(ORGANISATION.KIND, kind.name())
                .returningResult(ORGANISATION.ID).fetchSingle().value1();
        audited(id, "organisation created: " + clean + " (" + kind.label() + ")");
        return id;
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional
    public void rename(long organisationId, String name) {
        String clean = validName(name);
        String before = existingName(organisationId);
        requireUniqueName(clean, organisationId);
        db.update(ORGANISATION).set(ORGANISATION.NAME, clean).where(ORGANISATION.ID.eq(organisationId)).execute();
        audited(organisationId, "organisation renamed: " + before + " -> " + clean);
    }

    /** Ends every session of the organisation's users at their next request and withdraws its data access. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional
    public void suspend(long organisationId) {
        String name = existingName(organisationId);
        if (currentUser.require().organisationId() == organisationId) {
            throw new AdministrationException("You cannot suspend your own organisation.");
        }
        db.update(ORGANISATION).set(ORGANISATION.STATUS, "SUSPENDED").where(ORGANISATION.ID.eq(organisationId)).execute();
        audited(organisationId, "organisation suspended: " + name);
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional
    public void reactivate(long organisationId) {
        String name = existingName(organisationId);
        db.update(ORGANISATION).set(ORGANISATION.STATUS, "ACTIVE").where(ORGANISATION.ID.eq(organisationId)).execute();
        audited(organisationId, "organisation reactivated: " + name);
    }

    private String existingName(long organisationId) {
        return db.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(organisationId))
                .fetchOptional(ORGANISATION.NAME)
                .orElseThrow(() -> new AdministrationException("That organisation does not exist."));
    }

    private void requireUniqueName(String name, Long except) {
        var clash = ORGANISATION.NAME.equalIgnoreCase(name);
        if (except != null) {
            clash = clash.and(ORGANISATION.ID.ne(except));
        }
        if (db.fetchExists(ORGANISATION, clash)) {
            throw new AdministrationException("An organisation called \"" + name + "\" already exists.");
        }
    }

    static String validName(String name) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.length() < 2 || clean.length() > 200) {
            throw new AdministrationException("Give the organisation a name of 2 to 200 characters.");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new AdministrationException("The name contains control characters.");
        }
        return clean;
    }

    private void audited(long organisationId, String detail) {
        CrowdLensUser me = currentUser.require();
        audit.recordAdministration(me.username(), me.organisationId(), organisationId, AuditOutcome.SUCCESS, detail);
    }
}
