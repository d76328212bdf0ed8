/**
 * The peer the gateway is compared with: PostGraphile v5 on Node 22, installed from npm into a cache folder when its
 * phase runs (never by the build), serving the same database.
 */
@NullMarked
package com.crashanalytics.benchmarks.peer;

import org.jspecify.annotations.NullMarked;
