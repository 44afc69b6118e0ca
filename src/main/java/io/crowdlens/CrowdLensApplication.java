package io.crowdlens;

import io.crowdlens.pipeline.cli.CommandLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CrowdLensApplication {

    /**
     * Without a command: the portal. With one ({@code pipeline run ...}, {@code releases list}): the same
     * configuration and serving database, no web server, and the command's exit code.
     */
    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(CrowdLensApplication.class, args);
    }

    private static int runCommand(String[] args) {
        SpringApplication app = new SpringApplication(CrowdLensApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        // the portal's views and web security need a servlet context, which a command does not start
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("skipPortalUi", new SkipPortalUi()));
        List<String> settings = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // demo mode resets the demo accounts' passwords at every start; a command must not
                "--crowdlens.demo.enabled=false",
                // Vaadin's auto-configuration assumes a servlet web application
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig"));
        settings.addAll(Arrays.asList(CommandLine.springArguments(args)));
        try (ConfigurableApplicationContext context = app.run(settings.toArray(String[]::new))) {
            return context.getBean(CommandLine.class).execute(args, System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("crowdlens: could not start: " + e.getMessage());
            return CommandLine.FAILED;
        }
    }

    /** Leaves every {@code ..ui..} package out of the component scan when a command runs. */
    static final class SkipPortalUi extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String name = reader.getClassMetadata().getClassName();
            return name.startsWith("io.crowdlens.ui.") || name.contains(".ui.");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SkipPortalUi;
        }

        @Override
        public int hashCode() {
            return SkipPortalUi.class.hashCode();
        }
    }

    /** Licence expiry and audit times read this clock, so tests can pin "now". */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
