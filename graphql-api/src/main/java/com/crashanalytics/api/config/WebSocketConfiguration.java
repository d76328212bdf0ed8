package com.crashanalytics.api.config;

import com.crashanalytics.api.security.QueryLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * GraphQL over WebSocket accepts messages as large as a request body over HTTP: Tomcat's default text buffer
 * (8 KiB) would close the connection on an ordinary batch of rounds.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(QueryLimits limits) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int maxMessage = (int) Math.min(Integer.MAX_VALUE, limits.maxRequestSize().toBytes());
        container.setMaxTextMessageBufferSize(maxMessage);
        return container;
    }
}
