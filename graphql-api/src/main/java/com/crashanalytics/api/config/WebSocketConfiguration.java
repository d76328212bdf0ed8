package com.crashanalytics.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The largest GraphQL-over-WebSocket message ({@code GATEWAY_MAX_WEBSOCKET_MESSAGE_SIZE}, 128 KB by default): room
 * for a batch of a few hundred rounds (Tomcat's default, 8 KiB, would close the connection on an ordinary batch).
 * Not the HTTP body limit: Tomcat allocates this buffer for every open connection, as characters (twice the bytes),
 * so a 1 MB limit costs about 2 MB per idle dashboard, and a thousand dashboards would hold gigabytes.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(GatewaySettings settings) {
        DataSize maxMessage = settings.limits().maxWebsocketMessageSize();
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize((int) Math.min(Integer.MAX_VALUE, maxMessage.toBytes()));
        return container;
    }
}
