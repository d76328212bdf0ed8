package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that send a body a byte at a time, each holding a worker thread while they do (the campaign's 300
 * connections at one byte a second took every thread). One address may have only so many bodies in transit (here
 * 4; the next is refused at once), a body must arrive in time (here 5 s; then 408 and the connection closed), and a
 * client at another address is served all along. Addresses differ on the loopback network (127.0.0.2, .3).
 */
@GatewayIntegrationTest
@TestPropertySource(properties = {"gateway.body.max-time=5s", "gateway.body.max-per-address=4"})
class SlowClientsIT {

    private static final String QUERY = "{\"query\":\"{ __typename }\"}";

    @LocalServerPort
    int port;
    @Autowired
    BodyUploads uploads;

    private final List<Socket> attackers = new ArrayList<>();

    @AfterEach
    void closeAttackers() throws IOException {
        for (Socket socket : attackers) {
            socket.close();
        }
    }

    @Test
    void oneAddressMayHoldOnlySoManyBodiesInTransitAndOthersAreServedMeanwhile() throws Exception {
        for (int i = 0; i < 4; i++) {
            attackers.add(startSlowBody("127.0.0.3"));
        }
        // The four reach the gateway and wait for their bodies (on a loaded machine that takes a while).
        await("four bodies in transit from 127.0.0.3").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> uploads.inTransit("127.0.0.3") == 4);

        Socket fifth = startSlowBody("127.0.0.3");
        attackers.add(fifth);
        String refused = readAnswer(fifth);
        String honest = post("127.0.0.2", QUERY);

        assertThat(refused).startsWith("HTTP/1.1 429").contains("\"limit\":\"maxBodiesPerAddress\"").contains("Retry-After: 1");
        assertThat(honest).startsWith("HTTP/1.1 200").contains("\"__typename\":\"Query\"");
    }

    @Test
    void aBodyThatTakesLongerThanTheLimitIsCutOffWith408() throws Exception {
        Socket slow = startSlowBody("127.0.0.3");
        attackers.add(slow);
        OutputStream out = slow.getOutputStream();
        long started = System.nanoTime();
        String answer = null;
        slow.setSoTimeout(200);
        while (answer == null && System.nanoTime() - started < 15_000_000_000L) {
            try {
                out.write('x'); // one more byte, never the whole body
                out.flush();
            } catch (IOException closed) {
                break;
            }
            answer = tryRead(slow);
        }
        if (answer == null) {
            answer = readAnswer(slow);
        }

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"limit\":\"maxBodyTime\"").containsIgnoringCase("Connection: close");
    }

    /**
     * Not a test of speed (tests assert no times): prints what a client at another address sees while 1,000
     * trickling connections come at the gateway, for the figures.
     */
    @Test
    void aThousandTricklingConnectionsLeaveOthersServed() throws Exception {
        long[] idle = timeRequests(30);
        for (int i = 0; i < 1000; i++) {
            try {
                attackers.add(startSlowBody("127.0.0." + (10 + i % 5)));
            } catch (IOException refusedByTheListenQueue) {
                // the connector refuses beyond its queue: the attacker's problem
            }
        }
        long[] attacked = timeRequests(30);
        System.out.printf("SlowClientsIT: p50 of a __typename from another address: idle %.2f ms, with 1,000 slow-body"
                + " connections %.2f ms%n", idle[idle.length / 2] / 1e6, attacked[attacked.length / 2] / 1e6);
        assertThat(attacked).hasSize(30);
    }

    private long[] timeRequests(int count) throws IOException {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            assertThat(post("127.0.0.2", QUERY)).startsWith("HTTP/1.1 200");
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** Headers promising a 1,000-byte body, and its first byte. */
    private Socket startSlowBody(String from) throws IOException {
        Socket socket = connect(from);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestApiKeys.ADMIN + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private String post(String from, String body) throws IOException {
        try (Socket socket = connect(from)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + TestApiKeys.ADMIN + "\r\nConnection: close\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return readAnswer(socket);
        }
    }

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    private static String readAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(15_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        int read = in.read(buffer);
        return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
    }

    private static String tryRead(Socket socket) throws IOException {
        try {
            byte[] buffer = new byte[8192];
            int read = socket.getInputStream().read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException nothingYet) {
            return null;
        }
    }
}
