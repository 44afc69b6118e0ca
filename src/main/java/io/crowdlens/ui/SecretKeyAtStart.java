package io.crowdlens.ui;

import io.crowdlens.security.SecretBox;
import org.springframework.stereotype.Component;

/**
 * The portal does not start without a usable key for secrets at rest: better refused at start, with
 * what to set, than at an account manager's first sign-in. (Commands leave the ui packages out, so a
 * pipeline run needs no key.)
 */
@Component
class SecretKeyAtStart {

    SecretKeyAtStart(SecretBox secrets) {
        secrets.requireKey();
    }
}
