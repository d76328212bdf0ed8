package com.crashanalytics.domain.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    static final SortOrder BY_NUMBER = SortOrder.of("rounds-by-number", KeyPart.NUMBER);

    @Test
    void withoutArgumentsAPageIsTheFirstHundredOldestFirst() {
        PageRequest page = PageRequest.of(null, null, null, BY_NUMBER, new Violations());

        assertThat(page).isEqualTo(new PageRequest(100, null, SortDirection.ASC, BY_NUMBER));
        assertThat(page.fetchSize()).as("one more, to know whether a next page exists").isEqualTo(101);
    }

    @Test
    void firstMayBeZeroToFiveHundred() {
        assertThat(PageRequest.of(0, null, null, BY_NUMBER, new Violations()).first()).isZero();
        assertThat(PageRequest.of(500, null, null, BY_NUMBER, new Violations()).first()).isEqualTo(500);
    }

    @Test
    void moreThanFiveHundredOrANegativeSizeIsRefusedNamingFirst() {
        Violations violations = new Violations();

        assertThat(PageRequest.of(501, null, null, BY_NUMBER, violations)).isNull();
        PageRequest.of(-1, null, null, BY_NUMBER, violations);

        assertThat(violations.list()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("first", "MAX_PAGE_SIZE"), tuple("first", "NON_NEGATIVE"));
        assertThat(violations.list().get(0).message()).contains("at most 500 (got 501)");
    }

    @Test
    void aBadCursorIsRefusedNamingAfter() {
        Violations violations = new Violations();

        PageRequest.of(10, "bm90IGEgY3Vyc29y", null, BY_NUMBER, violations);

        assertThat(violations.list()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("after", "VALID_CURSOR"));
    }

    @Test
    void aGoodCursorIsKeptDecoded() {
        String token = new Cursor(BY_NUMBER, SortDirection.DESC, List.of(7L)).encode();

        PageRequest page = PageRequest.of(5, token, SortDirection.DESC, BY_NUMBER, new Violations());

        assertThat(page.after()).isEqualTo(new Cursor(BY_NUMBER, SortDirection.DESC, List.of(7L)));
    }
}
