package io.crowdlens.ui;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.security.AccountSecuritySettings;
import io.crowdlens.security.ClientAddresses;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.SecondFactorFilter;
import io.crowdlens.security.SessionRevalidationFilter;
import io.crowdlens.security.SignInDetails;
import io.crowdlens.security.SignInThrottle;
import io.crowdlens.security.SignInThrottledException;
import io.crowdlens.security.ThrottledAuthenticationProvider;
import io.crowdlens.security.TwoStepSignIn;
import io.crowdlens.security.UserAccounts;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
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
     * Health is public (container checks); metrics and the rest of actuator are for operator staff
     * whose accounts do not use two-factor (HTTP Basic has no second step, so it must never open an
     * account that owes one): in practice a data-operator service account for the scraper.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operationsEndpoints(HttpSecurity http, ClientAddresses addresses, TwoStepSignIn twoStep)
            throws Exception {
        // /error too: a 401/403 from here is rendered by an error dispatch, which must not be
        // redirected to the sign-in page by the portal chain.
        return http.securityMatcher("/actuator/**", "/error")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() != null
                                        && authentication.get().getPrincipal() instanceof CrowdLensUser user
                                        && user.isOperatorStaff() && !twoStep.owesSecondFactor(user))))
                .httpBasic(basic -> basic.authenticationEntryPoint(operationsEntryPoint())
                        .authenticationDetailsSource(SignInDetails.source(addresses, false)))
                .exceptionHandling(e -> e.authenticationEntryPoint(operationsEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** A scraper or script gets 401 with a Basic challenge, not a redirect to the sign-in page. */
    private static BasicAuthenticationEntryPoint operationsEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("CrowdLens operations");
        return entryPoint;
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
                .requestMatchers("/audit/export.csv").hasAnyRole("ACCOUNT_MANAGER", "PARTNER_ADMIN"));
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
        http.formLogin(form -> form.authenticationDetailsSource(SignInDetails.source(addresses, true)));
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

    /** Password sign-in (form and HTTP Basic) behind the per-address throttle. */
    @Bean
    AuthenticationProvider passwordSignIn(UserAccounts accounts, PasswordEncoder passwordEncoder,
            SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
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
