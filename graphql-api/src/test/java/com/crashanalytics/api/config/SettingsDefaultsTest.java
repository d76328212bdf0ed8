package com.crashanalytics.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Configuration one way: every setting of the gateway is a component of a typed {@code @ConfigurationProperties}
 * record, and its default is declared once, in application.yaml. Binds each record from application.yaml alone (no
 * environment): a component the file gives no default would bind to null, and a {@code @DefaultValue} in code would
 * be a second declaration.
 */
class SettingsDefaultsTest {

    @Test
    void everySettingIsARecordWhoseDefaultsComeFromApplicationYamlAlone() throws Exception {
        List<Class<?>> settings = settingsClasses();
        assertThat(settings).as("the scan finds the areas' settings")
                .extracting(Class::getSimpleName)
                .contains("SessionSettings", "BotSettings", "GatewaySettings", "AlertSettings", "LiveFeedSettings",
                        "RetentionSettings", "QueryLimits", "RateLimits");
        List<PropertySource<?>> yaml = applicationYaml();
        // ${GATEWAY_X:default} resolves to its default: no environment variable is among the sources
        Binder yamlOnly = new Binder(ConfigurationPropertySources.from(yaml),
                new PropertySourcesPlaceholdersResolver(yaml));
        for (Class<?> type : settings) {
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            Object bound = yamlOnly.bindOrCreate(prefix, type);
            for (RecordComponent component : type.getRecordComponents()) {
                assertThat(component.isAnnotationPresent(DefaultValue.class))
                        .as(type.getSimpleName() + "." + component.getName() + " declares its default in code")
                        .isFalse();
                if (!component.isAnnotationPresent(Nullable.class)
                        && !component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(Nullable.class)) {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true); // package-private records of their areas
                    assertThat(accessor.invoke(bound))
                            .as(type.getSimpleName() + "." + component.getName() + " has a default in application.yaml")
                            .isNotNull();
                }
            }
        }
    }

    private static List<PropertySource<?>> applicationYaml() throws IOException {
        return new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
    }

    private static List<Class<?>> settingsClasses() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scan.findCandidateComponents("com.crashanalytics.api")) {
            types.add(Class.forName(candidate.getBeanClassName()));
        }
        return types;
    }
}
