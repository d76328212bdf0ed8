package com.crashanalytics.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class IssueApiKeyCommandTest {

    @Test
    void aBotKeyNamesItsBotsAndDropsDuplicates() {
        IssueApiKeyCommand command = new IssueApiKeyCommand("vm-1", ApiKeyRole.BOT, List.of("bot_a", "bot_b", "bot_a"));

        assertThat(command.botIds()).containsExactly("bot_a", "bot_b");
    }

    @Test
    void aBotKeyWithoutBotsIsRefused() {
        assertRefused(new Object[] {"vm-1", ApiKeyRole.BOT, List.of()}, tuple("botIds", "BOT_IDS_REQUIRED"));
        assertRefused(new Object[] {"vm-1", ApiKeyRole.BOT, null}, tuple("botIds", "BOT_IDS_REQUIRED"));
    }

    @Test
    void dashboardAndAdminKeysAreNotBoundToBots() {
        assertRefused(new Object[] {"grafana", ApiKeyRole.DASHBOARD, List.of("bot_a")},
                tuple("botIds", "BOT_IDS_ONLY_FOR_BOT"));
        assertThat(new IssueApiKeyCommand("ops", ApiKeyRole.ADMIN, null).botIds()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertRefused(new Object[] {" ", null, Arrays.asList("ok", " bad", null)},
                tuple("label", "REQUIRED"), tuple("role", "REQUIRED"),
                tuple("botIds[1]", "NO_SURROUNDING_WHITESPACE"), tuple("botIds[2]", "REQUIRED"));
    }

    @Test
    void botIdsFollowTheBotIdRules() {
        assertRefused(new Object[] {"vm", ApiKeyRole.BOT, List.of("b".repeat(51))}, tuple("botIds[0]", "MAX_LENGTH"));
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(Object[] arguments, org.assertj.core.groups.Tuple... expected) {
        assertThatThrownBy(() -> new IssueApiKeyCommand((String) arguments[0], (ApiKeyRole) arguments[1],
                (List<String>) arguments[2]))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(expected));
    }
}
