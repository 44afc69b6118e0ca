package io.crowdlens.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed, for the portal and the command line alike (the command line starts
 * without the web security configuration).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm id stored beside each hash so it can be upgraded later;
        // Unicode-normalised first (NIST SP 800-63B)
        return new UnicodeNormalisingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }
}
