package com.crashanalytics.api.paging;

import java.util.List;

import graphql.schema.DataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The lazily counted {@code totalCount} of every connection type, wired once for every type named {@code *Connection}
 * (one method per type before: a new list needed a new copy of it).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionWiring {

    @Bean
    RuntimeWiringConfigurer connectionTotalCounts() {
        return new RuntimeWiringConfigurer() {
            @Override
            public void configure(RuntimeWiring.Builder builder) {
            }

            @Override
            public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
                container.add(new TotalCounts());
            }
        };
    }

    /** {@code totalCount} on a connection: its {@link Connection.Counter}, asked only when the field is selected. */
    static final class TotalCounts implements WiringFactory {

        private static final DataFetcher<Object> COUNT =
                environment -> environment.<Connection<?>>getSource().counter().count(environment);

        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return environment.getParentType().getName().endsWith("Connection")
                    && environment.getFieldDefinition().getName().equals("totalCount");
        }

        @Override
        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
            return COUNT;
        }
    }
}
