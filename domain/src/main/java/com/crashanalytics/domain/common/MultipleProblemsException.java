package com.crashanalytics.domain.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several independent problems found in one request, of possibly different kinds: in a batch of rounds, round 3
 * may name an unknown session while round 7 conflicts with a stored round. Each problem becomes its own client
 * error, so the client learns about every bad item at once; nothing was written.
 */
public class MultipleProblemsException extends DomainException {

    private final List<DomainException> problems;

    private MultipleProblemsException(List<DomainException> problems) {
        super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Throws when there is any problem: the problem itself when there is one, all of them when there are more. */
    public static void throwIfAny(List<? extends DomainException> problems) {
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new MultipleProblemsException(List.copyOf(problems));
        }
    }

    public List<DomainException> problems() {
        return problems;
    }
}
