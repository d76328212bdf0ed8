/** The simulator's command line: options, the run, and the summary it prints. */
@NullMarked
package com.crashanalytics.simulator.cli;

import org.jspecify.annotations.NullMarked;
