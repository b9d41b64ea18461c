package dev.contacts.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for CSRF and headers only: every POST form carries the session's CSRF token
 * (Thymeleaf adds it to forms with {@code th:action}), a form without it is refused with a
 * page in plain words; a Content-Security-Policy allows only this application's own scripts
 * and styles. There is no login: this is a demo, every visitor acts as the agent
 * {@code contacts.web.agent}. A real helpdesk puts its own authentication in this chain.
 */
@Configuration
class SecurityConfig {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(Customizer.withDefaults())
                .exceptionHandling(e -> e.accessDeniedPage("/refused"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    /** No accounts (and no generated password printed at startup): nobody logs in to the demo. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
