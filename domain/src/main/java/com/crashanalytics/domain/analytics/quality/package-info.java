/**
 * Data quality as dashboards read it: how often each kind of error was reported, and how well each bot's OCR reads
 * validated.
 */
@NullMarked
package com.crashanalytics.domain.analytics.quality;

import org.jspecify.annotations.NullMarked;
