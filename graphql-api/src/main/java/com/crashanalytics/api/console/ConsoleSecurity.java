package com.crashanalytics.api.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's pages and assets are open (the page is public; the data behind it needs a key, sent by the page to
 * {@code /graphql}), read-only, and served with headers that keep a pasted ADMIN key safe: a Content-Security-Policy
 * that lets the pages load and contact only the gateway itself (no inline or remote script, no framing), no
 * referrer, no MIME sniffing. Only these paths get this chain; the API's own chain is untouched.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    /**
     * Everything from this origin only. Inline styles are allowed because GraphiQL's editor and its React
     * components set element styles at run time; scripts never run inline. Fonts and icons are data: URLs inside
     * the bundled CSS.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    SecurityFilterChain consolePagesSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**", "/graphiql")
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/console", "/console/**", "/graphiql").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
