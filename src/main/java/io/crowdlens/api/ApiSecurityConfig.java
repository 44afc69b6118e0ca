package io.crowdlens.api;

import io.crowdlens.security.ApiTokenAuthenticationFilter;
import io.crowdlens.security.ApiTokenAuthenticator;
import io.crowdlens.security.ApiTokenUseAudit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The partner API's own filter chain, separate from the portal's: {@code /api/**}, stateless (no
 * session is created or read), bearer tokens only (no form, no HTTP Basic, no cookies, so no CSRF),
 * errors as problem details. The OpenAPI contract is public; everything else needs a token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfig {

    /** The generated OpenAPI contract (springdoc.api-docs.path) and its YAML form. */
    static final String[] CONTRACT = {"/api/openapi", "/api/openapi.yaml", "/api/openapi/**"};

    @Bean
    @Order(0)
    SecurityFilterChain partnerApi(HttpSecurity http, ApiTokenAuthenticator authenticator, ApiTokenUseAudit audit,
            ApiRateLimits rateLimits, ApiSettings settings, ObjectProvider<SecurityContextHolderStrategy> strategy)
            throws Exception {
        SecurityContextHolderStrategy securityContext =
                strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        ApiAuthenticationEntryPoint unauthorized = new ApiAuthenticationEntryPoint();
        ApiTokenAuthenticationFilter tokens =
                new ApiTokenAuthenticationFilter(authenticator, securityContext, unauthorized, audit);
        ApiLimitsFilter limits = new ApiLimitsFilter(rateLimits, securityContext, settings);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(CONTRACT).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(tokens, AuthorizationFilter.class)
                .addFilterAfter(limits, ApiTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) -> ApiProblems.write(request, response,
                                ApiProblem.FORBIDDEN, "Not covered by your token or licence.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Requests Spring Security's firewall rejects (a {@code ;} in the path, encoded slashes, and so on)
     * get a problem detail under /api like every other API error; elsewhere the usual 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        HttpStatusRequestRejectedHandler portal = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI() != null && request.getRequestURI().startsWith("/api/")) {
                ApiProblems.write(request, response, ApiProblem.INVALID_PARAMETER,
                        "The request's path or parameters are malformed.");
            } else {
                portal.handle(request, response, rejected);
            }
        };
    }
}
