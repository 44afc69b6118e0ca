package io.crowdlens.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's minimum crowd (PRIVACY.md rule 3). Refuses to start below the hard floor, so a
 * misconfigured deployment never publishes or serves figures that count fewer than 10 devices.
 *
 * @param minimumCrowd k: every published figure counts at least this many distinct devices
 */
@ConfigurationProperties("crowdlens.privacy")
public record PrivacySettings(@DefaultValue("15") int minimumCrowd) {

    public static final int HARD_FLOOR = 10;

    public PrivacySettings {
        if (minimumCrowd < HARD_FLOOR) {
            throw new IllegalArgumentException("crowdlens.privacy.minimum-crowd is " + minimumCrowd
                    + " but may never be below the hard floor of " + HARD_FLOOR);
        }
    }

    /** A licence may raise k for its partner, never lower it. */
    public int effectiveFor(Integer licenceMinimum) {
        return licenceMinimum == null ? minimumCrowd : Math.max(minimumCrowd, licenceMinimum);
    }
}
