package io.crowdlens.pipeline;

import io.crowdlens.pipeline.presence.PresenceProduct;
import io.crowdlens.pipeline.publish.OptOutListRegister;
import io.crowdlens.pipeline.publish.ReleasePublisher;
import io.crowdlens.privacy.PrivacySettings;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * The application's runner with the presence product alone: the same validation, opt-outs,
 * protection and publishing, so its work can be compared with one bare engine query for presence.
 */
public final class PresenceOnlyPipeline {

    private PresenceOnlyPipeline() {
    }

    public static PipelineRunner from(ApplicationContext context) {
        return new PipelineRunner(context.getBean(PipelineSettings.class), context.getBean(PrivacySettings.class),
                context.getBean(Engines.class), context.getBean(ReleasePublisher.class), context.getBean(Clock.class),
                List.of(context.getBean(PresenceProduct.class)), context.getBean(OptOutListRegister.class),
                context.getBean(io.crowdlens.pipeline.publish.PrivacyLedger.class));
    }
}
