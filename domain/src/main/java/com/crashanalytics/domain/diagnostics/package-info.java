/**
 * Diagnostics: the errors bots report (with or without a session or round) and what their OCR read from the
 * screen and whether it validated. Depends on bots and sessions; rounds carry OCR reads, so the round area
 * depends on this one, never the reverse.
 */
@NullMarked
package com.crashanalytics.domain.diagnostics;

import org.jspecify.annotations.NullMarked;
