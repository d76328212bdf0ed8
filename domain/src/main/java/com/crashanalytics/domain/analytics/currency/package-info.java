/**
 * Currencies: the exchange rates an ADMIN maintains and the conversion of money aggregates that span platforms of
 * several currencies into one, at the rates in force at a stated instant, exactly (amount × rate, no rounding).
 */
@NullMarked
package com.crashanalytics.domain.analytics.currency;

import org.jspecify.annotations.NullMarked;
