package com.crashanalytics.benchmarks.gateway;

import java.util.regex.Pattern;

/**
 * The statements the gateway runs on its own schedule, whether or not anyone sends it a request: the live feed's
 * numbering and reading of the journal (at least every poll interval, 250 ms by default), the stale-session sweep
 * (its bookmark in {@code live_feed_state} and its query of sessions silent since then), the alert rules' evaluation
 * and the deliveries due, the overdue predictions, the fleet gauges' refresh, the recount of dirty rollups, and the
 * scheduled jobs' advisory locks. A count of what a read costs leaves them out: during a slow query more of them
 * run, so counted in they made a 10 × 10 × 20 dashboard seem to send more SELECTs than a 2 × 2 × 5 one, and an
 * evaluation of the alert rules landing in a count once made a 2 × 2 × 5 one send 9.2 where it sends 9. (The ingest
 * counts keep the live feed's numbering in: each logged round causes it.)
 */
public final class GatewayBackground {

    private static final Pattern STATEMENTS = Pattern.compile(
            "live_events|live_feed_state|alert_rules|alert_deliveries|pg_try_advisory_xact_lock"
            + "|expires_at < |last_round_at, last_heartbeat_at|FROM session_logs GROUP BY status"
            // the recount of dirty rollups: its look-up of the dirty rows, and the recount functions
            + "|WHERE dirty AND|SELECT recount_"
            // the sweep's "silent since": pg_stat_statements shows its constants as $n, so match the expression
            + "|greatest\\(coalesce\\(last_heartbeat_at, updated_at\\), updated_at\\) >");

    private GatewayBackground() {
    }

    /** Whether this statement's text is one of the gateway's background statements. */
    public static boolean runs(String statement) {
        return STATEMENTS.matcher(statement).find();
    }
}
