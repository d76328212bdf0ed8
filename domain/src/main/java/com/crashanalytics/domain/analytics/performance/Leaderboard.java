package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Bots ranked by a {@link LeaderboardMetric}: highest first, bots whose figure is undefined last; ties go to the
 * higher total P/L, then to the bot id in code-point order. The figure compared is the rounded one a dashboard
 * shows, so two bots that show the same ROI tie. SQL: {@code ORDER BY metric DESC NULLS LAST,
 * total_profit_loss DESC, bot_id COLLATE "C" LIMIT first}, with {@code row_number()} as the position.
 */
public final class Leaderboard {

    private Leaderboard() {
    }

    /** The first {@code first} (≥ 0) bots by {@code metric}. */
    public static List<Position> rank(Collection<Entry> entries, LeaderboardMetric metric, int first) {
        new Violations().check(first >= 0, "first", "NON_NEGATIVE", "must not be negative (got " + first + ")")
                .throwIfAny();
        Comparator<Entry> order = Comparator
                .comparing((Entry entry) -> metric.of(entry.totals()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(entry -> entry.totals().totalProfitLoss(), Comparator.reverseOrder())
                .thenComparing(Entry::botId);
        List<Entry> ranked = entries.stream().sorted(order).limit(first).toList();
        return IntStream.range(0, ranked.size())
                .mapToObj(i -> new Position(i + 1, ranked.get(i), metric.of(ranked.get(i).totals())))
                .toList();
    }

    /**
     * A bot and its totals over the leaderboard's window.
     *
     * @param botId  the bot
     * @param totals its {@link RoundTotals}
     */
    public record Entry(String botId, RoundTotals totals) {
    }

    /**
     * A place on the leaderboard.
     *
     * @param position 1 for the leader; no two bots share one
     * @param entry    the bot and its totals
     * @param value    the figure it was ranked by; null when undefined
     */
    public record Position(int position, Entry entry, @Nullable BigDecimal value) {
    }
}
