/**
 * What every domain area shares: input validation with field-level violations, the domain's exceptions,
 * and the outbound ports for transactions, ids and time that use cases need.
 */
@NullMarked
package com.crashanalytics.domain.common;

import org.jspecify.annotations.NullMarked;
