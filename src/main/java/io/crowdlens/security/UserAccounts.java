package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for sign-in. A user of a suspended organisation is treated as disabled, so
 * suspension takes effect at the next sign-in (and, through {@link SessionRevalidationFilter}, on
 * the next request of an open session).
 */
@Service
public class UserAccounts implements UserDetailsService {

    private final DSLContext db;

    public UserAccounts(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public CrowdLensUser loadUserByUsername(String username) {
        return findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    @Transactional(readOnly = true)
    public Optional<CrowdLensUser> findByUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 254) {
            return Optional.empty();
        }
        return db.select(
                        APP_USER.ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        ORGANISATION.ID,
                        ORGANISATION.NAME,
                        ORGANISATION.STATUS,
                        APP_USER.PASSWORD_HASH,
                        APP_USER.ENABLED,
                        APP_USER.LOCKED,
                        APP_USER.TOTP_SECRET.isNotNull(),
                        APP_USER.SESSION_GENERATION,
                        multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)))
                                .convertFrom(r -> r.map(rec -> Role.valueOf(rec.value1()))))
                .from(APP_USER)
                .join(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .where(APP_USER.USERNAME.equalIgnoreCase(username.trim()))
                .fetchOptional(r -> new CrowdLensUser(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value12().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(new HashSet<>(r.value12())),
                        r.value7() == null ? "" : r.value7(),
                        r.value8() && r.value7() != null && "ACTIVE".equals(r.value6()),
                        r.value9(),
                        r.value10(),
                        r.value11()));
    }
}
