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
 * @param maxFailuresPerAddress failures from one client address, across all account names, within {@code addressWindow} after which the whole address is refused until the oldest failure ages out; kept well above {@code maxFailuresPerAccountAndAddress} so that an office behind one address is not locked out by a few colleagues (decision 032)
 * @param addressWindow the sliding window for both throttling tiers
 * @param trustedProxies addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed; empty: the header is ignored
 * @param twoFactorRequiredFor roles that must use two-factor authentication
 * @param secondFactorTimeout how long a password step waits for its second factor
 * @param invitationValidity how long an invitation link works
 * @param resetValidity how long a password-reset link works
 * @param sessionMaxLifetime signed-in sessions end after this long, active or not
 * @param maxFailuresPerAccountAndAddress failures for one account name from one client address within {@code addressWindow} after which that name is refused from that address only (the person is told when to try again)
 * @param maxResetRequestsPerAddress "forgot password" requests one client address may make within {@code resetRequestWindow}
 * @param maxResetRequestsPerAccount "forgot password" requests for one address (email) within {@code resetRequestWindow}; more are answered the same way but ignored
 * @param resetRequestWindow the sliding window for both reset-request limits
 */
@ConfigurationProperties("crowdlens.security")
public record AccountSecuritySettings(
        @DefaultValue("10") int maxFailedSignIns,
        @DefaultValue("100") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("ACCOUNT_MANAGER") Set<Role> twoFactorRequiredFor,
        @DefaultValue("5m") Duration secondFactorTimeout,
        @DefaultValue("72h") Duration invitationValidity,
        @DefaultValue("24h") Duration resetValidity,
        @DefaultValue("12h") Duration sessionMaxLifetime,
        @DefaultValue("5") int maxFailuresPerAccountAndAddress,
        @DefaultValue("10") int maxResetRequestsPerAddress,
        @DefaultValue("3") int maxResetRequestsPerAccount,
        @DefaultValue("1h") Duration resetRequestWindow) {

    public AccountSecuritySettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        twoFactorRequiredFor = twoFactorRequiredFor == null ? Set.of() : Set.copyOf(twoFactorRequiredFor);
        if (maxFailedSignIns < 1 || maxFailuresPerAddress < 1 || maxFailuresPerAccountAndAddress < 1
                || maxResetRequestsPerAddress < 1 || maxResetRequestsPerAccount < 1) {
            throw new IllegalArgumentException("crowdlens.security failure limits must be at least 1");
        }
    }

    public boolean twoFactorRequired(Set<Role> roles) {
        return roles.stream().anyMatch(twoFactorRequiredFor::contains);
    }
}
