package io.crowdlens.demo;

import io.crowdlens.pipeline.demo.DemoDropSpec;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic drop demo mode publishes at the portal's first start.
 *
 * @param publish whether to generate and publish it (only when no presence release exists yet)
 * @param directory where the generated drop is written
 */
@ConfigurationProperties("crowdlens.demo.data")
public record DemoDataSettings(
        @DefaultValue("true") boolean publish,
        @DefaultValue("10000") int devices,
        @DefaultValue("14") int days,
        @DefaultValue("42") long seed,
        @DefaultValue("./data/demo-drop") Path directory) {

    public DemoDropSpec spec() {
        return DemoDropSpec.defaults().withDevices(devices).withDays(days).withSeed(seed);
    }
}
