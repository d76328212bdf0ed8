package com.crashanalytics.api.security.access;

import com.crashanalytics.domain.access.BotOwnership;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * What a caller may do in GraphQL: every root field's policy is declared in {@link GatewayAccessPolicies} and enforced
 * by {@link AccessControlInstrumentation}, after the document limits (order 1) have been checked.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    @Order(2)
    AccessControlInstrumentation accessControl(BotOwnership ownership) {
        return new AccessControlInstrumentation(GatewayAccessPolicies.declared(), ownership);
    }
}
