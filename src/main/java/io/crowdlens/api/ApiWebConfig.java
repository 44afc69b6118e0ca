package io.crowdlens.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.jooq.impl.DefaultExecuteListenerProvider;

/** Wires the API's token-scope check into Spring MVC and its time limit into jOOQ. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig {

    /** Picked up by Spring Boot's jOOQ configuration; idle outside API requests. */
    @Bean
    DefaultExecuteListenerProvider apiDeadlineListener() {
        return new DefaultExecuteListenerProvider(new ApiDeadlineListener());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Mvc implements WebMvcConfigurer {

        private final ObjectProvider<SecurityContextHolderStrategy> strategy;
        private final ApiSettings settings;

        Mvc(ObjectProvider<SecurityContextHolderStrategy> strategy, ApiSettings settings) {
            this.strategy = strategy;
            this.settings = settings;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new TokenScopeInterceptor(
                    strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)))
                    .addPathPatterns("/api/v1/**");
            registry.addInterceptor(new FigureConcurrencyInterceptor(settings)).addPathPatterns("/api/v1/**");
        }
    }
}
