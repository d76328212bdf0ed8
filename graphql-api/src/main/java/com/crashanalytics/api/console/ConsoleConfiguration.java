package com.crashanalytics.api.console;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The browser console, served by the gateway itself: the fleet dashboard at {@code /console} and GraphiQL at
 * {@code /graphiql} (unless {@code GATEWAY_GRAPHIQL_ENABLED=false}), with their scripts, styles and fonts under
 * {@code /console/assets/}. The pages and assets are built from {@code console/} at the repository root (an npm build
 * whose output is committed in {@code src/main/resources/console}); they hold no data, and read everything through
 * {@code POST /graphql} with the key the user enters. {@link ConsoleSecurity} gives them their headers.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

    static final String PAGES = "console/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**")
                .addResourceLocations("classpath:/" + PAGES + "assets/")
                // Not content-hashed file names: a browser revalidates after an hour, so an upgrade shows up soon.
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }

    @Bean
    RouterFunction<ServerResponse> consolePage() {
        return page("/console", "index.html").and(page("/console/", "index.html"));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "gateway.graphiql.enabled", matchIfMissing = true)
    RouterFunction<ServerResponse> graphiqlPage() {
        return page("/graphiql", "graphiql.html");
    }

    private static RouterFunction<ServerResponse> page(String path, String file) {
        Resource html = new ClassPathResource(PAGES + file);
        return RouterFunctions.route()
                .GET(path, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).body(html))
                .build();
    }
}
