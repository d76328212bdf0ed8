/**
 * The data's life: how big the database is, what leaves it and when (retention, run on one replica at a time), and
 * rounds streamed out for machine learning (exports). Retention deletes rows older than each kind's keep time and
 * leaves the all-time rollups alone, so what a bot earned stays counted after the rounds behind it are gone.
 */
@NullMarked
package com.crashanalytics.domain.lifecycle;

import org.jspecify.annotations.NullMarked;
