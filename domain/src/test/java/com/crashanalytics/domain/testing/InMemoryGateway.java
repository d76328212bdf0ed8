package com.crashanalytics.domain.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.Game;
import com.crashanalytics.domain.bot.InMemoryBotRegistry;
import com.crashanalytics.domain.bot.InMemoryPlatformRegistry;
import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.DirectTransactions;
import com.crashanalytics.domain.common.SequentialIds;
import com.crashanalytics.domain.live.InMemoryEventJournal;
import com.crashanalytics.domain.round.CrashPointJudge;
import com.crashanalytics.domain.round.InMemoryRoundLogbook;
import com.crashanalytics.domain.round.RoundAnnouncements;
import com.crashanalytics.domain.round.RoundDetailService;
import com.crashanalytics.domain.round.RoundLoggingService;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.domain.round.RoundReport;
import com.crashanalytics.domain.session.InMemorySessionLog;
import com.crashanalytics.domain.session.SessionAnnouncements;
import com.crashanalytics.domain.session.SessionLifecycleService;
import com.crashanalytics.domain.session.StartSessionCommand;
import org.jspecify.annotations.Nullable;

/**
 * The logging use cases wired to in-memory fakes of their outbound ports: the hexagon without a database or HTTP.
 * A test plays the game through the use cases and reads what they wrote from the fakes.
 */
public final class InMemoryGateway {

    /** When sessions start; rounds start a minute apart after it. */
    public static final Instant NOW = Instant.parse("2026-03-01T20:00:00Z");
    /** When the gateway receives the rounds: after all of them started. */
    public static final Instant RECEIVED = NOW.plusSeconds(86_400);
    public static final String GAME = "aviator";
    public static final String PLATFORM = "spribe";

    public final InMemoryBotRegistry bots = new InMemoryBotRegistry();
    public final InMemoryPlatformRegistry platforms = new InMemoryPlatformRegistry();
    public final InMemorySessionLog sessions = new InMemorySessionLog();
    public final InMemoryRoundLogbook logbook = new InMemoryRoundLogbook(sessions);
    public final InMemoryEventJournal journal = new InMemoryEventJournal();
    public final DirectTransactions transactions = new DirectTransactions();
    public final SequentialIds ids = new SequentialIds();

    public final SessionLifecycleService sessionLifecycle = new SessionLifecycleService(sessions, bots, platforms,
            transactions, new SessionAnnouncements(journal));
    /** No game round is ever a first sighting here: the crash feed is not what these tests are about. */
    public final RoundLoggingService roundLogging = new RoundLoggingService(logbook, bots, platforms, ids,
            transactions, new RoundAnnouncements(journal, roundIds -> List.of()), CrashPointJudge.NONE, Optional::empty);
    public final RoundDetailService roundDetail = new RoundDetailService(logbook, sessions, ids, transactions);

    /** Aviator on Spribe, 3% house edge, in USD. */
    public InMemoryGateway() {
        platforms.save(new Platform(new Game(GAME, "Aviator", "Spribe", new BigDecimal("3"), true), PLATFORM, null,
                Platform.DEFAULT_CURRENCY, new BigDecimal("3"), new BigDecimal("1.00"), null, true, NOW, NOW));
    }

    public InMemoryGateway withBot(String botId) {
        bots.save(Bot.register(new RegisterBotCommand(botId, null, null, null, null, "flat_2x", null, null, null),
                NOW));
        return this;
    }

    /** A bot with a session on Aviator/Spribe, started with this balance through the use case. */
    public InMemoryGateway withSession(String botId, String sessionId, String initialBalance) {
        if (bots.find(botId).isEmpty()) {
            withBot(botId);
        }
        sessionLifecycle.start(startSession(botId, sessionId, initialBalance));
        return this;
    }

    public static StartSessionCommand startSession(String botId, String sessionId, String initialBalance) {
        return new StartSessionCommand(NOW, sessionId, botId, GAME, PLATFORM, null, null,
                new BigDecimal(initialBalance), NOW);
    }

    /** A won round: cashed out at {@code cashout} before the crash. */
    public static RoundReport win(String botId, String sessionId, int roundNumber, String stake, String cashout,
                                  String crash) {
        return round(botId, sessionId, roundNumber, RoundOutcome.WIN, stake, cashout, crash);
    }

    /** A lost round: the crash came before any cash-out. */
    public static RoundReport loss(String botId, String sessionId, int roundNumber, String stake, String crash) {
        return round(botId, sessionId, roundNumber, RoundOutcome.LOSS, stake, null, crash);
    }

    public static RoundReport round(String botId, String sessionId, int roundNumber, RoundOutcome outcome,
                                    String stake, @Nullable String cashout, @Nullable String crash) {
        return new RoundReport(botId, sessionId, null, null, roundNumber, "g" + roundNumber,
                NOW.plusSeconds(60L * roundNumber), null, new BigDecimal(stake), null, null, null,
                crash == null ? null : new BigDecimal(crash), cashout == null ? null : new BigDecimal(cashout), null,
                null, outcome, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(),
                List.of(), List.of());
    }
}
