/** The benchmarks themselves, one class each: batched ingest, single-round ingest, the dashboard query, analytics. */
@NullMarked
package com.crashanalytics.benchmarks.phase;

import org.jspecify.annotations.NullMarked;
