/**
 * The benchmark harness: one command that starts the packaged gateway as its own process, measures it against
 * baselines on the same database in the same run (alternating the two), prints a table and writes JSON. A program
 * that prints figures; nothing here asserts a time.
 */
@NullMarked
package com.crashanalytics.benchmarks;

import org.jspecify.annotations.NullMarked;
