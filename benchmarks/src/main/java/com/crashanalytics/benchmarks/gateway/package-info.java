/** The gateway under test: its process (started from the packaged jar), its memory and CPU, and HTTP to it. */
@NullMarked
package com.crashanalytics.benchmarks.gateway;

import org.jspecify.annotations.NullMarked;
