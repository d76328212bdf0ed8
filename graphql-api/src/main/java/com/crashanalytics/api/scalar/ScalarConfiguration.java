package com.crashanalytics.api.scalar;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Registers the schema's custom scalars. */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(DateTimeScalar.INSTANCE)
                .scalar(DecimalScalar.INSTANCE)
                .scalar(JsonScalar.INSTANCE)
                .scalar(ExtendedScalars.GraphQLLong);
    }
}
