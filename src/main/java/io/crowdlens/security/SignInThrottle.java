package io.crowdlens.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in in two tiers (decision 032). First per (account name, client address) pair:
 * a few failures for one name from one address pause that name from that address only, so
 * colleagues behind the same office address keep signing in. Then per address, at a much higher
 * limit, against one address spraying guesses across many accounts (which neither the pair nor
 * the per-account lock can see). While refused, no password is compared, and the person is told
 * when they may try again. The account name is counted as typed, whether or not such an account
 * exists, so the pause reveals nothing about accounts. Kept in memory, per portal instance: see
 * decision 006.
 */
@Component
public class SignInThrottle {

    private final SlidingWindowCounter pairs;
    private final SlidingWindowCounter addresses;

    public SignInThrottle(AccountSecuritySettings settings, Clock clock) {
        this.pairs = new SlidingWindowCounter(settings.maxFailuresPerAccountAndAddress(), settings.addressWindow(), clock);
        this.addresses = new SlidingWindowCounter(settings.maxFailuresPerAddress(), settings.addressWindow(), clock);
    }

    /** When this name may try again from this address; empty when it may try now. */
    public Optional<Instant> refusedUntil(String username, String address) {
        Optional<Instant> pair = pairs.blockedUntil(pairKey(username, address));
        Optional<Instant> whole = addresses.blockedUntil(address);
        if (pair.isPresent() && whole.isPresent()) {
            return Optional.of(pair.get().isAfter(whole.get()) ? pair.get() : whole.get());
        }
        return pair.isPresent() ? pair : whole;
    }

    /** True when the whole address is refused (the higher, anti-spraying limit). */
    public boolean isThrottled(String address) {
        return addresses.blockedUntil(address).isPresent();
    }

    /** Records a failure for the name from the address; true when either tier is now refusing. */
    public boolean recordFailure(String username, String address) {
        boolean pair = pairs.record(pairKey(username, address));
        boolean whole = addresses.record(address);
        return pair || whole;
    }

    /** A successful sign-in clears its own pair (not the address: a sprayer may own one account). */
    public void succeeded(String username, String address) {
        pairs.forget(pairKey(username, address));
    }

    static String pairKey(String username, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return name + "\u0000" + address;
    }
}
