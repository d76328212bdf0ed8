/**
 * Simulated crash-game bots for demo data, load and sanity checks. The simulation ({@code crash}, {@code strategy},
 * {@code play}) produces plain records of what happened and knows nothing of the gateway; {@code gateway} is the
 * GraphQL-over-HTTP client that sends them; {@code cli} ties both together; {@code history} writes a fleet's
 * played history straight into the gateway's tables (COPY), for benchmarks and tests that need a volume.
 */
@NullMarked
package com.crashanalytics.simulator;

import org.jspecify.annotations.NullMarked;
