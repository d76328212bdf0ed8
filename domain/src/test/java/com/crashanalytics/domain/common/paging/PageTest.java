package com.crashanalytics.domain.common.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;
import org.junit.jupiter.api.Test;

class PageTest {

    static final SortOrder BY_NUMBER = SortOrder.of("rounds-by-number", KeyPart.NUMBER);

    static List<Page.Keyed<String>> rows(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(n -> new Page.Keyed<>("round " + n, List.<Object>of(n))).toList();
    }

    @Test
    void theExtraRowFetchedOnlySaysThatAnotherPageFollows() {
        PageRequest request = new PageRequest(3, null, SortDirection.ASC, BY_NUMBER);

        Page<String> page = Page.of(rows(1, 4), request);

        assertThat(page.nodes()).containsExactly("round 1", "round 2", "round 3");
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.hasPreviousPage()).isFalse();
        assertThat(page.edges().get(2).cursor()).isEqualTo(new Cursor(BY_NUMBER, SortDirection.ASC, List.of(3L)));
    }

    @Test
    void theLastPageSaysNothingFollowsAndAPageAfterACursorThatRowsCameBefore() {
        Cursor after = new Cursor(BY_NUMBER, SortDirection.ASC, List.of(3L));
        PageRequest request = new PageRequest(3, after, SortDirection.ASC, BY_NUMBER);

        Page<String> page = Page.of(rows(4, 5), request);

        assertThat(page.nodes()).containsExactly("round 4", "round 5");
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.hasPreviousPage()).isTrue();
    }

    @Test
    void aPageOfZeroRowsStillTellsWhetherThereAreAny() {
        PageRequest request = new PageRequest(0, null, SortDirection.ASC, BY_NUMBER);

        assertThat(Page.of(rows(1, 1), request).hasNextPage()).isTrue();
        assertThat(Page.of(rows(1, 1), request).edges()).isEmpty();
        assertThat(Page.of(List.<Page.Keyed<String>>of(), request).hasNextPage()).isFalse();
    }
}
