package io.crowdlens.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Where a failed sign-in lands (decision 032). Every wrong password, unknown name, and wrong
 * password for a locked account lands on the same generic page. Only a correct password for a
 * locked account is told it is locked and whom to ask. A throttled attempt (no password compared)
 * is told when it may try again; the pause is counted per name as typed, so it says nothing
 * about whether the account exists.
 */
public class SignInFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String target;
        if (exception instanceof SignInThrottledException throttled) {
            target = "/login?throttled=" + throttled.retryAfter().getEpochSecond();
        } else if (exception instanceof LockedException) {
            // thrown only after the password matched: see ThrottledAuthenticationProvider.passwords
            target = "/login?locked";
        } else {
            target = "/login?error";
        }
        redirect.sendRedirect(request, response, target);
    }
}
