package com.crashanalytics.api.read;

import com.crashanalytics.api.testing.GraphQlClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the list tests share: a client of the gateway, and the {@link Fleet} logged before each test. */
abstract class FleetTest {

    @LocalServerPort
    int port;

    GraphQlClient client;

    @BeforeEach
    void aFleet() {
        client = new GraphQlClient(port);
        Fleet.log(client);
    }
}
