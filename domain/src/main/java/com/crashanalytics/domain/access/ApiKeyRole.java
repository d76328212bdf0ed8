package com.crashanalytics.domain.access;

/** What a key may do. The adapters turn roles into permissions per operation; the roles themselves are fixed. */
public enum ApiKeyRole {
    /** Everything: key management, platform configuration, retention, every bot's data. */
    ADMIN,
    /** A bot: registers and logs only for the bot ids its key is bound to, and reads only their data. */
    BOT,
    /** A dashboard: reads every bot's data, writes nothing. */
    DASHBOARD,
    /**
     * A prediction model running apart from the bots: logs predictions about games and reads predictions, their
     * scores and the platforms; no bot's data.
     */
    PREDICTOR,
    /** A metrics scraper (Prometheus): reads the gateway's metrics and nothing else, no GraphQL at all. */
    METRICS
}
