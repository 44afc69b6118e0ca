package io.crowdlens.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrivacySettingsTest {

    @Test
    void deploymentCannotConfigureAMinimumCrowdBelowTheHardFloor() {
        assertThatThrownBy(() -> new PrivacySettings(9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hard floor of 10");
        assertThat(new PrivacySettings(10).minimumCrowd()).isEqualTo(10);
    }

    @Test
    void licenceMayRaiseKButNeverLowerIt() {
        PrivacySettings k15 = new PrivacySettings(15);
        assertThat(k15.effectiveFor(null)).isEqualTo(15);
        assertThat(k15.effectiveFor(12)).isEqualTo(15);
        assertThat(k15.effectiveFor(25)).isEqualTo(25);
    }
}
