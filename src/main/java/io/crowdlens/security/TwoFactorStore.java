package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.RECOVERY_CODE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where TOTP secrets (sealed by {@link SecretBox}) and recovery-code hashes live, and the only code that reads or writes them. */
@Component
class TwoFactorStore {

    private final DSLContext db;
    private final Clock clock;
    private final SecretBox secrets;

    TwoFactorStore(DSLContext db, Clock clock, SecretBox secrets) {
        this.db = db;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Stores a secret the user has just proved with a code, and returns fresh recovery codes. */
    @Transactional
    public List<String> enable(long userId, String secret, long provedStep) {
        db.update(APP_USER)
                .set(APP_USER.TOTP_SECRET, secrets.seal(secret))
                .set(APP_USER.TOTP_LAST_STEP, provedStep)
                .where(APP_USER.ID.eq(userId))
                .execute();
        return replaceRecoveryCodes(userId);
    }

    @Transactional
    public void disable(long userId) {
        db.update(APP_USER).setNull(APP_USER.TOTP_SECRET).setNull(APP_USER.TOTP_LAST_STEP)
                .where(APP_USER.ID.eq(userId)).execute();
        db.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(userId)).execute();
    }

    @Transactional
    public List<String> replaceRecoveryCodes(long userId) {
        db.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(userId)).execute();
        List<String> codes = RecoveryCodes.generate();
        var insert = db.insertInto(RECOVERY_CODE, RECOVERY_CODE.USER_ID, RECOVERY_CODE.CODE_HASH);
        for (String code : codes) {
            insert = insert.values(userId, RecoveryCodes.hash(code));
        }
        insert.execute();
        return codes;
    }

    /**
     * Checks an authenticator code and records its time step, so the same code (or an earlier one)
     * cannot be used again. The conditional update makes two simultaneous uses of one code fail
     * for the second.
     */
    @Transactional
    public boolean acceptTotp(long userId, String code) {
        var row = db.select(APP_USER.TOTP_SECRET, APP_USER.TOTP_LAST_STEP).from(APP_USER)
                .where(APP_USER.ID.eq(userId)).fetchOptional();
        if (row.isEmpty() || row.get().value1() == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secrets.open(row.get().value1()), code, clock.instant(), row.get().value2());
        if (step.isEmpty()) {
            return false;
        }
        return db.update(APP_USER)
                .set(APP_USER.TOTP_LAST_STEP, step.getAsLong())
                .where(APP_USER.ID.eq(userId))
                .and(APP_USER.TOTP_LAST_STEP.isNull().or(APP_USER.TOTP_LAST_STEP.lt(step.getAsLong())))
                .execute() == 1;
    }

    /** Uses up a recovery code; each works once. */
    @Transactional
    public boolean acceptRecoveryCode(long userId, String code) {
        if (!RecoveryCodes.looksLikeRecoveryCode(code)) {
            return false;
        }
        return db.update(RECOVERY_CODE)
                .set(RECOVERY_CODE.USED_AT, OffsetDateTime.now(clock))
                .where(RECOVERY_CODE.USER_ID.eq(userId))
                .and(RECOVERY_CODE.CODE_HASH.eq(RecoveryCodes.hash(code)))
                .and(RECOVERY_CODE.USED_AT.isNull())
                .execute() == 1;
    }

    @Transactional(readOnly = true)
    public int remainingRecoveryCodes(long userId) {
        return db.fetchCount(RECOVERY_CODE, RECOVERY_CODE.USER_ID.eq(userId).and(RECOVERY_CODE.USED_AT.isNull()));
    }
}
