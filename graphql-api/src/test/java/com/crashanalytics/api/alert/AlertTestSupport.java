package com.crashanalytics.api.alert;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every alert test reaches for: the gateway's port, the database, and the evaluation it runs on demand. */
@GatewayIntegrationTest
abstract class AlertTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluateAlertRulesUseCase evaluation;
}
