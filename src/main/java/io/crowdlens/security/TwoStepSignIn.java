package io.crowdlens.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in in two steps for accounts that owe a second factor (decision 006). The password step
 * leaves the session signed out, holding a {@link PendingSignIn}; the second step checks an
 * authenticator code (or a recovery code, or, for an account that must enrol, the code of the
 * authenticator it is enrolling) and only then signs the session in, under a new session id.
 */
@Component
public class TwoStepSignIn {

    public static final String SIGNED_IN_AT = "crowdlens.signedInAt";
    static final String FRESH_RECOVERY_CODES = "crowdlens.freshRecoveryCodes";

    public enum Outcome {
        SIGNED_IN, ENROLLED, WRONG_CODE, LOCKED, EXPIRED, THROTTLED
    }

    private final UserAccounts accounts;
    private final TwoFactorStore store;
    private final SignInAttempts attempts;
    private final SignInThrottle throttle;
    private final ClientAddresses addresses;
    private final AccountSecuritySettings settings;
    private final Clock clock;
    private final SecurityContextHolderStrategy securityContext;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public TwoStepSignIn(UserAccounts accounts, TwoFactorStore store, SignInAttempts attempts, SignInThrottle throttle,
            ClientAddresses addresses, AccountSecuritySettings settings, Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.accounts = accounts;
        this.store = store;
        this.attempts = attempts;
        this.throttle = throttle;
        this.addresses = addresses;
        this.settings = settings;
        this.clock = clock;
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public boolean owesSecondFactor(CrowdLensUser user) {
        return user.twoFactorEnabled() || settings.twoFactorRequired(user.roles());
    }

    /** After a correct password: sign the session out again and wait for the second factor. */
    public void awaitSecondFactor(HttpServletRequest request, HttpServletResponse response, CrowdLensUser user) {
        SecurityContext empty = securityContext.createEmptyContext();
        securityContext.setContext(empty);
        contexts.saveContext(empty, request, response);
        HttpSession session = request.getSession();
        session.setAttribute(PendingSignIn.SESSION_KEY, new PendingSignIn(user.id(), user.username(), clock.instant(),
                addresses.of(request), user.twoFactorEnabled() ? null : Totp.newSecret()));
    }

    /** A password-only sign-in is complete (Spring has already signed the session in). */
    public void passwordSufficed(HttpServletRequest request, CrowdLensUser user) {
        request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
        attempts.completed(user, addresses.of(request), "password");
    }

    public Optional<PendingSignIn> pending(HttpSession session) {
        if (session == null || !(session.getAttribute(PendingSignIn.SESSION_KEY) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        if (pending.startedAt().plus(settings.secondFactorTimeout()).isBefore(clock.instant())) {
            session.removeAttribute(PendingSignIn.SESSION_KEY);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    public Optional<TwoFactorEnrolment> enrolmentFor(PendingSignIn pending) {
        return pending.enrolling() ? Optional.of(TwoFactorEnrolment.of(pending.enrolmentSecret(), pending.username()))
                : Optional.empty();
    }

    public Outcome verify(HttpServletRequest request, HttpServletResponse response, String code) {
        String address = addresses.of(request);
        HttpSession session = request.getSession(false);
        Optional<PendingSignIn> pending = pending(session);
        if (throttle.isThrottled(address)
                || pending.isPresent() && throttle.refusedUntil(pending.get().username(), address).isPresent()) {
            return Outcome.THROTTLED;
        }
        if (pending.isEmpty()) {
            return Outcome.EXPIRED;
        }
        Optional<CrowdLensUser> account = accounts.findByUsername(pending.get().username());
        if (account.isEmpty() || !account.get().isEnabled() || !account.get().isAccountNonLocked()
                || account.get().id() != pending.get().userId()) {
            session.removeAttribute(PendingSignIn.SESSION_KEY);
            return Outcome.EXPIRED;
        }
        CrowdLensUser user = account.get();
        if (pending.get().enrolling()) {
            var step = Totp.matchingStep(pending.get().enrolmentSecret(), code, clock.instant(), null);
            if (step.isPresent()) {
                List<String> codes = store.enable(user.id(), pending.get().enrolmentSecret(), step.getAsLong());
                signIn(request, response, accounts.findByUsername(user.username()).orElseThrow(),
                        "password + newly enrolled authenticator");
                request.getSession().setAttribute(FRESH_RECOVERY_CODES, List.copyOf(codes));
                return Outcome.ENROLLED;
            }
        } else if (store.acceptTotp(user.id(), code)) {
            signIn(request, response, user, "password + authenticator code");
            return Outcome.SIGNED_IN;
        } else if (store.acceptRecoveryCode(user.id(), code)) {
            signIn(request, response, user, "password + recovery code (" + store.remainingRecoveryCodes(user.id())
                    + " left)");
            return Outcome.SIGNED_IN;
        }
        if (attempts.secondFactorFailed(user, address)) {
            session.removeAttribute(PendingSignIn.SESSION_KEY);
            return Outcome.LOCKED;
        }
        return Outcome.WRONG_CODE;
    }

    /** Recovery codes made at sign-in enrolment, handed out once to the page that shows them. */
    @SuppressWarnings("unchecked")
    public List<String> takeFreshRecoveryCodes(HttpSession session) {
        if (session == null || !(session.getAttribute(FRESH_RECOVERY_CODES) instanceof List<?> codes)) {
            return List.of();
        }
        session.removeAttribute(FRESH_RECOVERY_CODES);
        return (List<String>) codes;
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, CrowdLensUser user, String method) {
        request.getSession().removeAttribute(PendingSignIn.SESSION_KEY);
        request.changeSessionId();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.setDetails(new SignInDetails(addresses.of(request), true));
        SecurityContext context = securityContext.createEmptyContext();
        context.setAuthentication(authentication);
        securityContext.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
        attempts.completed(user, addresses.of(request), method);
    }

    org.springframework.security.core.Authentication currentAuthentication() {
        return securityContext.getContext().getAuthentication();
    }
}
