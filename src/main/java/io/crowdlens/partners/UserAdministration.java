package io.crowdlens.partners;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.LinkPurpose;
import io.crowdlens.security.OneTimeLinks;
import io.crowdlens.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles. Account managers manage every organisation's users; a partner admin
 * manages the users of their own organisation only: every method checks the target user's
 * organisation against the caller's, refuses (and audits) anything else, and only offers the
 * roles of the target's kind of organisation, so no partner can ever grant operator roles.
 */
@Service
public class UserAdministration {

    private static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$";

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final OneTimeLinks links;
    private final InvitationMail mail;
    private final AuditLog audit;

    public UserAdministration(DSLContext db, CurrentUser currentUser, OneTimeLinks links, InvitationMail mail,
            AuditLog audit) {
        this.db = db;
        this.currentUser = currentUser;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
    }

    /** A page of users, by name. A partner admin always gets their own organisation's. */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<UserSummary> users(UserQuery query, int offset, int limit) {
        return selectUsers()
                .where(visible(query))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .offset(offset)
                .limit(limit)
                .fetch(UserAdministration::toSummary);
    }

    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public int countUsers(UserQuery query) {
        return db.fetchCount(APP_USER.join(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID)), visible(query));
    }

    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public UserSummary user(long userId) {
        return managed(userId, "view user " + userId);
    }

    /** The roles the caller may give users of this organisation. */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public Set<Role> assignableRoles(long organisationId) {
        requireMayManage(organisationId, "roles of organisation " + organisationId);
        return kindOf(organisationId).roles();
    }

    /**
     * Creates a user without a password and issues a one-time invitation link: mailed when SMTP is
     * configured, otherwise returned for the administrator to pass on.
     */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public Invitation invite(long organisationId, String email, String displayName, Set<Role> roles) {
        requireMayManage(organisationId, "invite a user into organisation " + organisationId);
        String username = validEmail(email);
        String name = validDisplayName(displayName);
        Set<Role> granted = validRoles(organisationId, roles);
        if (db.fetchExists(APP_USER, APP_USER.USERNAME.equalIgnoreCase(username))) {
            throw new AdministrationException("There is already a user with the email address " + username + ".");
        }
        long userId = db.insertInto(APP_USER)
                .set(APP_USER.ORGANISATION_ID, organisationId)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, name)
                .returningResult(APP_USER.ID).fetchSingle().value1();
        for (Role role : granted) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId).set(USER_ROLE.ROLE, role.name()).execute();
        }
        audited(organisationId, "user invited: " + username + " as " + labels(granted));
        return sendLink(userId, organisationId, username, name, LinkPurpose.INVITATION);
    }

    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public void changeRoles(long userId, Set<Role> roles) {
        UserSummary user = managed(userId, "change roles of user " + userId);
        Set<Role> granted = validRoles(user.organisationId(), roles);
        if (isMe(userId) && !granted.equals(EnumSet.copyOf(user.roles()))) {
            throw new AdministrationException("You cannot change your own roles; ask another administrator.");
        }
        db.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).execute();
        for (Role role : granted) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId).set(USER_ROLE.ROLE, role.name()).execute();
        }
        audited(user.organisationId(), "roles of " + user.username() + ": " + labels(user.roles()) + " -> "
                + labels(granted));
    }

    /** Disables the account; its open sessions end at their next request. */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public void disable(long userId) {
        UserSummary user = managed(userId, "disable user " + userId);
        if (isMe(userId)) {
            throw new AdministrationException("You cannot disable your own account.");
        }
        db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.ID.eq(userId)).execute();
        audited(user.organisationId(), "user disabled: " + user.username());
    }

    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public void enable(long userId) {
        UserSummary user = managed(userId, "enable user " + userId);
        db.update(APP_USER).set(APP_USER.ENABLED, true).where(APP_USER.ID.eq(userId)).execute();
        audited(user.organisationId(), "user enabled: " + user.username());
    }

    /** Unlocks an account locked by failed sign-ins, and starts its failure count afresh. */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public void unlock(long userId) {
        UserSummary user = managed(userId, "unlock user " + userId);
        db.update(APP_USER).set(APP_USER.LOCKED, false).set(APP_USER.FAILED_LOGINS, 0)
                .where(APP_USER.ID.eq(userId)).execute();
        audited(user.organisationId(), "user unlocked: " + user.username());
    }

    /**
     * A new one-time link for the user to set a password (a fresh invitation if they never set
     * one); any earlier link stops working. Their current password keeps working until they use it.
     */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public Invitation resetPassword(long userId) {
        UserSummary user = managed(userId, "reset the password of user " + userId);
        LinkPurpose purpose = user.activated() ? LinkPurpose.RESET : LinkPurpose.INVITATION;
        audited(user.organisationId(), (purpose == LinkPurpose.RESET ? "password reset link" : "new invitation link")
                + " issued for " + user.username());
        return sendLink(userId, user.organisationId(), user.username(), user.displayName(), purpose);
    }

    /** Removes a lost authenticator; where the role requires two-factor, the user enrols again at sign-in. */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public void resetTwoFactor(long userId) {
        UserSummary user = managed(userId, "reset two-factor of user " + userId);
        db.update(APP_USER).setNull(APP_USER.TOTP_SECRET).setNull(APP_USER.TOTP_LAST_STEP)
                .set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.eq(userId)).execute();
        db.deleteFrom(io.crowdlens.db.Tables.RECOVERY_CODE)
                .where(io.crowdlens.db.Tables.RECOVERY_CODE.USER_ID.eq(userId)).execute();
        audited(user.organisationId(), "two-factor authentication reset for " + user.username());
    }

    private Invitation sendLink(long userId, long organisationId, String username, String displayName,
            LinkPurpose purpose) {
        var link = links.issue(userId, purpose);
        String organisation = db.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(organisationId))
                .fetchSingle(ORGANISATION.NAME);
        boolean mailed = mail.send(link, displayName, organisation);
        return new Invitation(userId, username, mailed, link);
    }

    /** The user, if the caller may manage them. A partner admin cannot tell another organisation's user from none. */
    private UserSummary managed(long userId, String what) {
        var user = selectUsers().where(APP_USER.ID.eq(userId)).fetchOptional(UserAdministration::toSummary);
        if (user.isEmpty()) {
            if (!currentUser.require().has(Role.ACCOUNT_MANAGER)) {
                requireMayManage(null, what);
            }
            throw new AdministrationException("That user does not exist.");
        }
        requireMayManage(user.get().organisationId(), what);
        return user.get();
    }

    /** Account managers may manage any organisation; a partner admin only their own. Refusals are audited. */
    private void requireMayManage(Long organisationId, String what) {
        CrowdLensUser me = currentUser.require();
        if (me.has(Role.ACCOUNT_MANAGER)
                || (me.has(Role.PARTNER_ADMIN) && organisationId != null && me.organisationId() == organisationId)) {
            return;
        }
        audit.recordAdministration(me.username(), me.organisationId(), organisationId, AuditOutcome.DENIED,
                "refused: " + what);
        throw new AccessDeniedException("You may only manage the users of your own organisation.");
    }

    private Condition visible(UserQuery query) {
        CrowdLensUser me = currentUser.require();
        Long organisation = query == null ? null : query.organisationId();
        if (!me.has(Role.ACCOUNT_MANAGER)) {
            if (organisation != null && organisation != me.organisationId()) {
                requireMayManage(organisation, "list users of organisation " + organisation);
            }
            organisation = me.organisationId();
        }
        Condition condition = organisation == null ? noCondition() : APP_USER.ORGANISATION_ID.eq(organisation);
        String search = query == null ? null : query.search();
        if (search != null && !search.isBlank()) {
            condition = condition.and(APP_USER.DISPLAY_NAME.containsIgnoreCase(search.strip())
                    .or(APP_USER.USERNAME.containsIgnoreCase(search.strip())));
        }
        return condition;
    }

    private OrganisationKind kindOf(long organisationId) {
        return db.select(ORGANISATION.KIND).from(ORGANISATION).where(ORGANISATION.ID.eq(organisationId))
                .fetchOptional(ORGANISATION.KIND).map(OrganisationKind::valueOf)
                .orElseThrow(() -> new AdministrationException("That organisation does not exist."));
    }

    private Set<Role> validRoles(long organisationId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AdministrationException("Give the user at least one role.");
        }
        OrganisationKind kind = kindOf(organisationId);
        Set<Role> allowed = kind.roles();
        if (!allowed.containsAll(roles)) {
            throw new AdministrationException("Users of " + (kind == OrganisationKind.OPERATOR ? "the operator"
                    : "a partner") + " may only have these roles: " + labels(allowed) + ".");
        }
        return EnumSet.copyOf(roles);
    }

    static String validEmail(String email) {
        String clean = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (clean.length() > 254 || !clean.matches(EMAIL)) {
            throw new AdministrationException("Enter the person's email address, like name@example.com.");
        }
        return clean;
    }

    static String validDisplayName(String displayName) {
        String clean = displayName == null ? "" : displayName.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > 200 || clean.chars().anyMatch(Character::isISOControl)) {
            throw new AdministrationException("Enter the person's name (up to 200 characters).");
        }
        return clean;
    }

    private boolean isMe(long userId) {
        return currentUser.require().id() == userId;
    }

    private void audited(long subjectOrganisationId, String detail) {
        CrowdLensUser me = currentUser.require();
        audit.recordAdministration(me.username(), me.organisationId(), subjectOrganisationId, AuditOutcome.SUCCESS,
                detail);
    }

    private static String labels(Set<Role> roles) {
        return roles.stream().map(Role::label).sorted().collect(Collectors.joining(", "));
    }

    private SelectJoinStep<? extends Record> selectUsers() {
        return db.select(APP_USER.ID, APP_USER.ORGANISATION_ID, ORGANISATION.NAME, APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)))
                                .convertFrom(r -> r.map(x -> Role.valueOf(x.value1()))).as("roles"),
                        APP_USER.ENABLED, APP_USER.LOCKED, APP_USER.PASSWORD_HASH.isNotNull().as("activated"),
                        APP_USER.TOTP_SECRET.isNotNull().as("two_factor"), APP_USER.LAST_LOGIN_AT)
                .from(APP_USER)
                .join(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID));
    }

    @SuppressWarnings("unchecked")
    private static UserSummary toSummary(Record r) {
        List<Role> roles = (List<Role>) r.get("roles");
        return new UserSummary(r.get(APP_USER.ID), r.get(APP_USER.ORGANISATION_ID), r.get(ORGANISATION.NAME),
                r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles),
                r.get(APP_USER.ENABLED), r.get(APP_USER.LOCKED), r.get("activated", Boolean.class),
                r.get("two_factor", Boolean.class), r.get(APP_USER.LAST_LOGIN_AT));
    }
}
