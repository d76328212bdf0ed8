/** The result: rows of gateway figure, baseline figure, ratio and target; the machine; as a table and as JSON. */
@NullMarked
package com.crashanalytics.benchmarks.report;

import org.jspecify.annotations.NullMarked;
