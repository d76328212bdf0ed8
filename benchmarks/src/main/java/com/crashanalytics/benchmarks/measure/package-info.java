/** Measuring: trials of the gateway and its baseline in alternation, latencies in HdrHistogram, CPU per operation. */
@NullMarked
package com.crashanalytics.benchmarks.measure;

import org.jspecify.annotations.NullMarked;
