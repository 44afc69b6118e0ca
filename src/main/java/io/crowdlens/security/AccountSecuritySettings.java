package io.crowdlens.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard accounts are to break into (README lists each setting's environment variable).
 *
 * @param maxFailedSignIns consecutive failures (password or second factor) that lock an account until an administrator unlocks it
 * @param maxFailuresPerAddress failures from one client address within {@code addressWindow} after which that address is refused for the rest of the window
 * @param addressWindow the sliding window for per-address throttling
 * @param trustedProxies addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed; empty: the header is ignored
 * @param twoFactorRequiredFor roles that must use two-factor authentication
 * @param secondFactorTimeout how long a password step waits for its second factor
 * @param invitationValidity how long an invitation link works
 * @param resetValidity how long a password-reset link works
 * @param sessionMaxLifetime signed-in sessions end after this long, active or not
 */
@ConfigurationProperties("crowdlens.security")
public record AccountSecuritySettings(
        @DefaultValue("10") int maxFailedSignIns,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("ACCOUNT_MANAGER") Set<Role> twoFactorRequiredFor,
        @DefaultValue("5m") Duration secondFactorTimeout,
        @DefaultValue("72h") Duration invitationValidity,
        @DefaultValue("24h") Duration resetValidity,
        @DefaultValue("12h") Duration sessionMaxLifetime) {

    public AccountSecuritySettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        twoFactorRequiredFor = twoFactorRequiredFor == null ? Set.of() : Set.copyOf(twoFactorRequiredFor);
        if (maxFailedSignIns < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("crowdlens.security failure limits must be at least 1");
        }
    }

    public boolean twoFactorRequired(Set<Role> roles) {
        return roles.stream().anyMatch(twoFactorRequiredFor::contains);
    }
}
