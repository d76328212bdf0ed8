package com.crashanalytics.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wait for {@code connection_init} ({@code GATEWAY_WEBSOCKET_INIT_TIMEOUT}, 10 s): a connection that never sends
 * it is closed with 4408, and a connection that has gone is let go once that wait has passed. Spring GraphQL's timer
 * for the wait keeps every connection reachable until it fires, with the 256 KB message buffer Tomcat gave it; with
 * Spring's default of 60 s a dashboard that reconnected held that for a minute after it had gone (the benchmark's live
 * phase: 143 closed connections, 36 MB of a 224 MB heap). Counted in this JVM's heap after a full collection (the
 * class histogram of {@code jcmd}, through its MBean).
 */
@GatewayIntegrationTest
class WebSocketConnectionInitIT {

    private static final int INIT_TIMEOUT = 4408;
    private static final int DASHBOARDS = 20;
    private static final String TOMCAT_SESSION = "org.apache.tomcat.websocket.WsSession";
    /** The gateway's wait (10 s) and some slack for the timer's thread on a busy machine. */
    private static final Duration LET_GO_WITHIN = Duration.ofSeconds(12);

    @LocalServerPort
    int port;

    @Test
    void aConnectionThatNeverSaysConnectionInitIsClosedWith4408() throws Exception {
        try (GraphQlWebSocket silent = GraphQlWebSocket.connectWithoutInit(port)) {
            assertThat(silent.closeCode()).as("closed within the client's 30 s wait").isEqualTo(INIT_TIMEOUT);
        }
    }

    @Test
    void connectionsThatHaveGoneAreLetGoOnceTheWaitHasPassed() throws Exception {
        String key = new TestApiKeys(port).dashboard();
        int before = liveTomcatSessions();
        List<GraphQlWebSocket> dashboards = new ArrayList<>();
        for (int i = 0; i < DASHBOARDS; i++) {
            dashboards.add(GraphQlWebSocket.connectWithKey(port, key).acknowledged());
        }
        long lastOpened = System.nanoTime();
        for (GraphQlWebSocket dashboard : dashboards) {
            dashboard.close();
            assertThat(dashboard.closeCode()).as("the server closed its end too").isEqualTo(1000);
        }
        assertThat(liveTomcatSessions()).as("gone, but held until the wait for connection_init has passed")
                .isGreaterThanOrEqualTo(DASHBOARDS);

        Thread.sleep(Math.max(0, LET_GO_WITHIN.toMillis() - (System.nanoTime() - lastOpened) / 1_000_000));

        assertThat(liveTomcatSessions()).as("sessions held %d s after the last opened (%d before)",
                LET_GO_WITHIN.toSeconds(), before).isLessThan(DASHBOARDS).isLessThanOrEqualTo(before);
    }

    /** Tomcat's WebSocket sessions still reachable: the class histogram collects the heap in full first. */
    private static int liveTomcatSessions() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Matcher line = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(TOMCAT_SESSION) + "(\\s|$)",
                Pattern.MULTILINE).matcher(histogram);
        return line.find() ? Integer.parseInt(line.group(1)) : 0;
    }
}
