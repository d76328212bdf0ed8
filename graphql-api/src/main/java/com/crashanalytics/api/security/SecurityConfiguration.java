package com.crashanalytics.api.security;

import java.time.Duration;
import java.util.List;

import com.crashanalytics.api.error.ErrorResponses;
import com.crashanalytics.api.security.access.AccessControlInstrumentation;
import com.crashanalytics.api.security.access.AccessPolicies;
import com.crashanalytics.api.security.authentication.BearerKeyFilter;
import com.crashanalytics.api.security.authentication.BearerKeys;
import com.crashanalytics.api.security.limits.DocumentLimitsInstrumentation;
import com.crashanalytics.api.security.limits.LimitsConfiguration;
import com.crashanalytics.api.security.limits.RateLimiter;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's security, in the order a request meets it. The pieces live in three rooms, each wiring its own beans:
 * {@code authentication} (who is calling: the API key), {@code access} (what that caller may do) and {@code limits}
 * (how much it may send); this class assembles the HTTP filter chain and its URL rules.
 * <ol>
 *   <li>limits' {@code RequestSizeFilter}: a body over {@code GATEWAY_MAX_REQUEST_SIZE} is refused (413) unread;</li>
 *   <li>limits' {@code GraphQlBodyFilter}: a body that is not a JSON object of well-formed UTF-8 is refused (400);</li>
 *   <li>{@link BearerKeyFilter}: {@code Authorization: Bearer <key>} is checked (401 if unknown or revoked);</li>
 *   <li>the URL rules below: {@code POST /graphql} needs a key of a GraphQL role (401 without, 403 for a METRICS
 *       key), the exports an ADMIN or DASHBOARD key, {@code /actuator/prometheus} an ADMIN or METRICS key, the other
 *       actuator endpoints ADMIN; health,
 *       GraphiQL and the printed schema are open, everything else is denied;</li>
 *   <li>limits' {@code RateLimitFilter} ({@link LimitsConfiguration#rateLimitFilter}): the key's allowance (429 with
 *       Retry-After);</li>
 *   <li>in GraphQL, {@link DocumentLimitsInstrumentation} (aliases, root fields, depth, complexity; tokens in the
 *       parser) and then {@link AccessControlInstrumentation} (the declared {@link AccessPolicies}).</li>
 * </ol>
 * WebSocket connections ({@code graphql-transport-ws} on {@code /graphql}) present the key in the
 * {@code connection_init} payload; Spring's {@link AuthenticationWebSocketInterceptor} checks it with the same
 * authentication manager and closes the connection (4401) without a valid one; each operation then passes the
 * authentication's {@code CallerContextInterceptor} and the limits' {@code WebSocketLimitsInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    ErrorResponses errorResponses(JsonMapper json) {
        return new ErrorResponses(json);
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, AuthenticationManager authentication, ErrorResponses errors,
                                        RateLimiter rateLimiter) {
        http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: a key in a header cannot be forged cross-site
                // Browser pages of the allowed origins (GATEWAY_CORS_ALLOWED_ORIGINS): a preflight is answered here,
                // before authentication, since a browser sends it without the key.
                .cors(Customizer.withDefaults())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, refused) -> errors.unauthorized(response,
                                "an API key is required: " + BearerKeys.EXPECTED))
                        .accessDeniedHandler((request, response, denied) -> errors.forbidden(response,
                                "this API key's role may not use " + request.getRequestURI())))
                .addFilterBefore(new BearerKeyFilter(authentication, errors), AnonymousAuthenticationFilter.class)
                .addFilterAfter(LimitsConfiguration.rateLimitFilter(rateLimiter, errors), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // The answer of an authorized request, and error pages, are written in later dispatches.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        // A METRICS key scrapes metrics and nothing else (a leaked scraper key reads no bot data).
                        .requestMatchers(HttpMethod.POST, "/graphql").hasAnyRole("ADMIN", "BOT", "DASHBOARD", "PREDICTOR")
                        // The WebSocket handshake: the key comes in connection_init, checked by the interceptor.
                        .requestMatchers(HttpMethod.GET, "/graphql").permitAll()
                        .requestMatchers(HttpMethod.GET, "/graphql/schema", "/graphiql", "/graphiql/**").permitAll()
                        // Streamed downloads for ML: every bot's rounds, so not for BOT keys (see RoundExportController).
                        .requestMatchers(HttpMethod.GET, "/exports/**").hasAnyRole("ADMIN", "DASHBOARD")
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Spring Security's strict firewall, with the same character rules checked without regular expressions. */
    @Bean
    WebSecurityCustomizer headerFirewall() {
        return web -> web.httpFirewall(HeaderFirewall.strict());
    }

    /** Which browser origins may call the gateway: none unless configured (a page served by the gateway needs none). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
        cors.setExposedHeaders(List.of("Retry-After"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/graphql", cors);
        return source;
    }
}
