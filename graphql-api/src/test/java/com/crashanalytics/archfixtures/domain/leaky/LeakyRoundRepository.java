package com.crashanalytics.archfixtures.domain.leaky;

import org.springframework.jdbc.core.JdbcTemplate;

/** Fixture breaking "the domain is plain Java": a domain class using Spring JDBC. */
public class LeakyRoundRepository {
    JdbcTemplate jdbc;
}
