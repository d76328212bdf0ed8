package com.crashanalytics.domain.diagnostics;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;
import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;

/**
 * Outbound port (read model): the errors and OCR reads bots reported, as dashboards browse them: a page of errors,
 * the same page for many bots or sessions at once, and everything reported about many rounds at once. Every method
 * answers for all the parents it is given in one query.
 */
public interface DiagnosticsReadModel {

    /** Errors by when they happened, then id. */
    SortOrder BY_TIME = SortOrder.of("errors-by-time", KeyPart.TIME, KeyPart.UUID);

    /** A page of the errors the filter selects, in {@link #BY_TIME} order. */
    Page<ErrorLog> errors(ListQuery<ErrorFilter> query);

    Map<String, Page<ErrorLog>> errorsOfBots(Collection<String> botIds, ListQuery<ErrorFilter> query);

    Map<String, Page<ErrorLog>> errorsOfSessions(Collection<String> sessionIds, ListQuery<ErrorFilter> query);

    long count(ErrorFilter filter);

    Map<String, Long> countErrorsOfBots(Collection<String> botIds, ErrorFilter filter);

    Map<String, Long> countErrorsOfSessions(Collection<String> sessionIds, ErrorFilter filter);

    /**
     * The errors reported about each round, by time then id (an empty list for a round without any), including those
     * reported before the round was logged.
     */
    Map<RoundReference, List<ErrorLog>> errorsOfRounds(Collection<RoundReference> rounds);

    /** The OCR reads made during each round, by time then id, however they were logged. */
    Map<RoundReference, List<OcrValidation>> ocrValidationsOf(Collection<RoundReference> rounds);
}
