/**
 * The simulator's way into the gateway: GraphQL over HTTP (a POST of JSON to {@code /graphql}), exactly as a
 * Python bot talks to it. Each mutation is one document and one method; the simulation does not depend on this
 * package.
 */
@NullMarked
package com.crashanalytics.simulator.gateway;

import org.jspecify.annotations.NullMarked;
