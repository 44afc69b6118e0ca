package io.crowdlens.ui;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.security.ApiTokenAuthentication;
import io.crowdlens.security.ApiTokenAuthenticationFilter;
import io.crowdlens.security.ApiTokenAuthenticator;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.security.ApiTokenUseAudit;
import io.crowdlens.security.AccountSecuritySettings;
import io.crowdlens.security.ClientAddresses;
import io.crowdlens.security.Role;
import io.crowdlens.security.SecondFactorFilter;
import io.crowdlens.security.SessionRevalidationFilter;
import io.crowdlens.security.SignInDetails;
import io.crowdlens.security.SignInFailureHandler;
import io.crowdlens.security.SignInThrottle;
import io.crowdlens.security.SignInThrottledException;
import io.crowdlens.security.ThrottledAuthenticationProvider;
import io.crowdlens.security.TwoStepSignIn;
import io.crowdlens.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Web security for the portal and the operations endpoints. Lives in the UI package because it wires
 * Vaadin's security configurer; the rules it enforces are also enforced on every service method.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class WebSecurityConfig {

    /**
     * Health is public (container checks); metrics and the rest of actuator need the API token of a
     * data operator, created with the "metrics" scope on their account page. No HTTP Basic: a
     * scraper never holds a person's password, and a wrong token never counts towards anyone's
     * sign-in lockout.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operationsEndpoints(HttpSecurity http, ApiTokenAuthenticator tokens, ApiTokenUseAudit audit,
            ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        SecurityContextHolderStrategy securityContext =
                strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        AuthenticationEntryPoint challenge = (request, response, refused) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"CrowdLens operations\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        };
        // /error too: a 401/403 from here is rendered by an error dispatch, which must not be
        // redirected to the sign-in page by the portal chain.
        return http.securityMatcher("/actuator/**", "/error")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof ApiTokenAuthentication token
                                        && token.allows(ApiTokenScope.METRICS)
                                        && token.user().has(Role.DATA_OPERATOR))))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, securityContext, challenge, audit),
                        AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(challenge))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, UserAccounts accounts, AuditLog audit, ClientAddresses addresses,
            TwoStepSignIn twoStep, AccountSecuritySettings settings, VaadinDefaultRequestCache requestCache,
            Clock clock, @Value("${crowdlens.map.tile-url}") String tileUrl) throws Exception {
        TwoStepSuccessHandler signedIn = new TwoStepSuccessHandler(twoStep, requestCache);
        // Vaadin's configurer installs the shared success handler on the sign-in form
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, signedIn);
        // plain HTTP endpoints beside the Vaadin routes (Vaadin's configurer denies anything it does not know);
        // the services behind them decide what each caller may read
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/audit/export.csv").hasAnyRole("ACCOUNT_MANAGER", "PARTNER_ADMIN")
                // the partner API's interactive page: signed-in users only (the contract itself is public)
                .requestMatchers("/swagger-ui.html", "/swagger-ui/**").authenticated());
        http.headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .contentTypeOptions(Customizer.withDefaults())
                        // Vaadin's bootstrap page bypasses the on-commit hook that writes headers lazily
                        .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterAfter(new SessionRevalidationFilter(accounts, audit, settings.sessionMaxLifetime(), clock),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new SecondFactorFilter(twoStep, signedIn.afterSecondFactor()),
                        UsernamePasswordAuthenticationFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"));
        // after Vaadin's configurer, so that its sign-in page (not Spring's generated one) is the form's page
        http.formLogin(form -> form.authenticationDetailsSource(SignInDetails.source(addresses, true))
                .failureHandler(new SignInFailureHandler()));
        return http.build();
    }

    /**
     * Publishes a failure event for every refused sign-in, throttled ones included (they are not
     * among Spring's default mappings), so each is audited and counted.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    /** Password sign-in (the form) behind the two-tier throttle; status checked only after the password (decision 032). */
    @Bean
    AuthenticationProvider passwordSignIn(UserAccounts accounts, PasswordEncoder passwordEncoder,
            SignInThrottle throttle) {
        return ThrottledAuthenticationProvider.passwords(accounts, passwordEncoder, throttle);
    }

    /**
     * Vaadin Flow needs inline and eval'd scripts (its bootstrap and executeJs); Leaflet and the
     * chart library need inline styles, data:/blob: images and the configured tile server's images.
     */
    static String contentSecurityPolicy(String tileUrl) {
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob: " + tileOrigin(tileUrl) + "; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "worker-src 'self' blob:; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    static String tileOrigin(String tileUrl) {
        URI uri = URI.create(tileUrl.replaceAll("\\{[a-z]}", "x"));
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        String host = uri.getHost().startsWith("x.") ? "*" + uri.getHost().substring(1) : uri.getHost();
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
