package com.crashanalytics.api.error;

import java.util.List;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.MultipleProblemsException;
import com.crashanalytics.domain.common.NotFoundException;
import com.crashanalytics.domain.common.Violation;

/**
 * The rule codes a refusal reports in {@code extensions.rule}, one per problem: a broken input rule's own code,
 * {@link #MUST_EXIST} for a reference to nothing, {@link #CONFLICT} for a contradiction of what is stored. A closed
 * set of codes written in the domain, so also fit as a metric tag.
 */
public final class ProblemRules {

    public static final String MUST_EXIST = "MUST_EXIST";
    public static final String CONFLICT = "CONFLICT";

    private ProblemRules() {
    }

    /** The rules the exception reports, one per problem; none for an exception that is no deliberate refusal. */
    public static List<String> of(Throwable exception) {
        if (exception instanceof MultipleProblemsException multiple) {
            return multiple.problems().stream().flatMap(problem -> of(problem).stream()).toList();
        }
        if (exception instanceof InvalidInputException invalid) {
            return invalid.violations().stream().map(Violation::rule).toList();
        }
        if (exception instanceof NotFoundException) {
            return List.of(MUST_EXIST);
        }
        if (exception instanceof ConflictException) {
            return List.of(CONFLICT);
        }
        return List.of();
    }
}
