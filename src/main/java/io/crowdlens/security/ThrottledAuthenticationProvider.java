package io.crowdlens.security;

import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in (form and HTTP Basic) behind the two-tier throttle: a throttled name/address pair
 * or address is refused before the password is even compared, so it learns nothing from further
 * guesses.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    public ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /**
     * Password sign-in that compares the password before looking at the account's status, so a
     * locked, disabled or unknown account costs the same hash comparison as any other and a wrong
     * password gets the same answer whatever the account's state. Only after the password matched
     * is a locked account told so ({@link LockedException}); a disabled one stays generic.
     */
    public static ThrottledAuthenticationProvider passwords(UserDetailsService accounts, PasswordEncoder encoder,
            SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(ThrottledAuthenticationProvider::statusAfterPassword);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    static void statusAfterPassword(UserDetails user) {
        if (!user.isEnabled()) {
            throw new DisabledException("User is disabled");
        }
        if (!user.isAccountNonLocked()) {
            throw new LockedException("User account is locked");
        }
        if (!user.isAccountNonExpired()) {
            throw new AccountExpiredException("User account has expired");
        }
        if (!user.isCredentialsNonExpired()) {
            throw new CredentialsExpiredException("User credentials have expired");
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (authentication.getDetails() instanceof SignInDetails details) {
            var until = throttle.refusedUntil(authentication.getName(), details.clientAddress());
            if (until.isPresent()) {
                throw new SignInThrottledException("Too many failed sign-ins", until.get());
            }
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
