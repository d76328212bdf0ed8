/** What is sent: rounds played by the simulator, as GraphQL inputs for the gateway and as rows for the baselines. */
@NullMarked
package com.crashanalytics.benchmarks.workload;

import org.jspecify.annotations.NullMarked;
