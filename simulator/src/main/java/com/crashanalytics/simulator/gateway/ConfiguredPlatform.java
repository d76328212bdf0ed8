package com.crashanalytics.simulator.gateway;

import java.math.BigDecimal;

import com.crashanalytics.simulator.play.GameTable;

/** A game as a platform offers it, as the gateway has it configured. */
public record ConfiguredPlatform(GameTable table, BigDecimal houseEdgePercent) {
}
