/**
 * Betting systems bots use. A strategy is a name plus parameters (the gateway keeps any name); here it is also a
 * small state machine: a step number that moves with each round's outcome and decides the next stake.
 */
@NullMarked
package com.crashanalytics.simulator.strategy;

import org.jspecify.annotations.NullMarked;
