/**
 * The demo: simulated bots filling a running gateway with data through its public GraphQL API, as real bots would
 * (each with its own BOT key, concurrently, with heartbeats, retries and the rate limit respected), then the
 * dashboard queries to paste.
 */
@NullMarked
package com.crashanalytics.simulator.demo;

import org.jspecify.annotations.NullMarked;
