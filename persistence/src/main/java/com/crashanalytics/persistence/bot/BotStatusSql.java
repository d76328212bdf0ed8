package com.crashanalytics.persistence.bot;

import java.time.Clock;
import java.util.Map;

import com.crashanalytics.domain.bot.BotStatus;
import com.crashanalytics.domain.bot.BotStatusRules;
import com.crashanalytics.domain.bot.BotStatusRules.Cutoffs;
import com.crashanalytics.persistence.common.SqlValues;

/**
 * A bot's {@link BotStatus} as one SQL expression over a row {@code b} of {@code bot_vm_registration}: its current
 * session (one primary-key probe) and, only when neither stale nor bust, one probe of the errors' (bot, time) index.
 * The same expression answers {@code Bot.status} and filters {@code bots(filter: {status})}, so both always agree.
 */
final class BotStatusSql {

    /** The CASE follows the order of {@link BotStatus}: the first that holds wins. */
    static final String EXPRESSION = """
            (SELECT CASE
                 WHEN cs.status = 'ACTIVE' AND greatest(cs.updated_at, cs.last_heartbeat_at) < :statusSilentBefore
                     THEN 'STALE'
                 WHEN cs.status <> 'ACTIVE' AND (cs.final_balance = 0 OR cs.final_balance < b.base_stake)
                     THEN 'BUST'
                 WHEN EXISTS (SELECT 1 FROM error_logs e WHERE e.bot_id = b.bot_id
                                  AND e."timestamp" >= :statusErrorsSince AND e.severity IN ('ERROR', 'CRITICAL'))
                     THEN 'ERROR'
                 WHEN cs.status = 'ACTIVE' THEN 'RUNNING'
                 WHEN greatest(b.last_heartbeat_at, cs.updated_at, cs.last_heartbeat_at) >= :statusHeardSince
                     THEN 'IDLE'
                 ELSE 'STOPPED'
             END
             FROM (SELECT 1) AS one LEFT JOIN session_logs cs ON cs.session_id = b.session_id)
            """;

    private final BotStatusRules rules;
    private final Clock clock;

    BotStatusSql(BotStatusRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The parameters of {@link #EXPRESSION}: the rules' limits as of now. */
    Map<String, Object> parameters() {
        Cutoffs cutoffs = rules.at(clock.instant());
        return Map.of(
                "statusSilentBefore", SqlValues.timestamptz(cutoffs.silentBefore()),
                "statusHeardSince", SqlValues.timestamptz(cutoffs.heardSince()),
                "statusErrorsSince", SqlValues.timestamptz(cutoffs.errorsSince()));
    }
}
