package com.crashanalytics.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class RegisterBotCommandTest {

    @Test
    void aMaxStakeBelowTheBaseStakeIsRefused() {
        assertThatThrownBy(() -> command("10", "9.99"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("maxStake", "MAX_STAKE_AT_LEAST_BASE_STAKE")));
    }

    @Test
    void equalBaseAndMaxStakesAreFine() {
        assertThat(command("10", "10.00").maxStake()).isEqualByComparingTo("10");
    }

    @Test
    void aNegativeBaseStakeIsReportedOnceNotAlsoAsARangeProblem() {
        assertThatThrownBy(() -> command("-1", "5"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("NON_NEGATIVE"));
    }

    @Test
    void reconfiguringKeepsTheRegistrationTimeAndTheCurrentSession() {
        Instant registered = Instant.parse("2026-11-21T10:00:00Z");
        Instant later = Instant.parse("2026-11-22T10:00:00Z");
        Bot bot = Bot.register(command("10", "100"), registered);
        Bot inSession = bot.withActivity("session_1", null);

        Bot reconfigured = inSession.reconfigure(command("5", "320"), later);

        assertThat(reconfigured.registeredAt()).isEqualTo(registered);
        assertThat(reconfigured.updatedAt()).isEqualTo(later);
        assertThat(reconfigured.currentSessionId()).isEqualTo("session_1");
        assertThat(reconfigured.baseStake()).isEqualByComparingTo("5");
    }

    @Test
    void amountsCompareByValueWhenDecidingWhetherAnythingChanged() {
        Bot bot = Bot.register(command("10", "100"), Instant.EPOCH);

        assertThat(bot.isConfiguredAs(command("10.00", "100.0"))).isTrue();
        assertThat(bot.isConfiguredAs(command("10.01", "100"))).isFalse();
    }

    @Test
    void aBotThatStatesNoTradeTypePlaysLiveMoneyAndKeepsItsTypeWhenReRegisteredWithoutOne() {
        Bot live = Bot.register(command("10", "100"), Instant.EPOCH);
        Bot paper = Bot.register(paperCommand(), Instant.EPOCH);

        assertThat(live.tradeType()).isEqualTo(TradeType.LIVE);
        assertThat(paper.tradeType()).isEqualTo(TradeType.PAPER);
        assertThat(paper.isConfiguredAs(new RegisterBotCommand("aviator_bot_001", "Compound", "GPU-1", "digitalocean",
                "nyc3", "compound_1.33x", new BigDecimal("1000"), BigDecimal.ONE, BigDecimal.TEN))).isTrue();
        assertThat(paper.reconfigure(command("1", "10"), Instant.EPOCH).tradeType()).isEqualTo(TradeType.PAPER);
    }

    @Test
    void aBotMayChangeItsTradeTypeOnlyBeforeItsFirstSession() {
        Bot paper = Bot.register(paperCommand(), Instant.EPOCH);
        RegisterBotCommand goLive = new RegisterBotCommand("aviator_bot_001", "Compound", "GPU-1", "digitalocean",
                "nyc3", "compound_1.33x", new BigDecimal("1000"), BigDecimal.ONE, BigDecimal.TEN, TradeType.LIVE);

        assertThat(paper.isConfiguredAs(goLive)).isFalse();
        assertThat(paper.reconfigure(goLive, Instant.EPOCH).tradeType()).isEqualTo(TradeType.LIVE);
        assertThatThrownBy(() -> paper.withActivity("session_1", null).reconfigure(goLive, Instant.EPOCH))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("tradeType"));
    }

    private static RegisterBotCommand paperCommand() {
        return new RegisterBotCommand("aviator_bot_001", "Compound", "GPU-1", "digitalocean", "nyc3", "compound_1.33x",
                new BigDecimal("1000"), BigDecimal.ONE, BigDecimal.TEN, TradeType.PAPER);
    }

    private static RegisterBotCommand command(String baseStake, String maxStake) {
        return new RegisterBotCommand("aviator_bot_001", "Compound", "GPU-1", "digitalocean", "nyc3", "compound_1.33x",
                new BigDecimal("1000"), new BigDecimal(baseStake), new BigDecimal(maxStake));
    }
}
