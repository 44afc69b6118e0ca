package io.crowdlens.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a path with an encoded slash ({@code %2F}, as in an injection string {@code </script>}) reach
 * Spring Security's firewall, which rejects it, so that the API answers it with a problem detail
 * like every other malformed request, instead of Tomcat answering with its own HTML error page.
 * Nothing new is accepted: the firewall refuses encoded slashes in every path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiServerConfig {

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }
}
