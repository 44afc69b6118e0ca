package io.crowdlens;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CrowdLensApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrowdLensApplication.class, args);
    }

    /** Licence expiry and audit times read this clock, so tests can pin "now". */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
