package io.crowdlens.demo;

import io.crowdlens.security.SecondFactorHint;
import io.crowdlens.security.Totp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: the second-factor page shows a demo account's current code, so the demo account
 * manager can sign in without a phone (decision 008). The demo passwords are printed on the
 * console anyway; accounts that are not demo accounts never get a hint.
 */
@Component
@ConditionalOnBooleanProperty("crowdlens.demo.enabled")
class DemoCodeHint implements SecondFactorHint {

    private final DemoLogins logins;
    private final Clock clock;

    DemoCodeHint(DemoLogins logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
    }

    @Override
    public Optional<String> hintFor(String username) {
        return logins.byUsername(username)
                .filter(account -> account.totpSecret() != null)
                .map(account -> "Demo mode: the current code for this demo account is "
                        + Totp.codeAt(account.totpSecret(), clock.instant()) + ".");
    }
}
