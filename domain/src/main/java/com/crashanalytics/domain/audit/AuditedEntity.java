package com.crashanalytics.domain.audit;

/** The kinds of configuration whose changes are kept as history. */
public enum AuditedEntity {
    /** A bot's registration (name, VM, strategy, stakes); id: the bot id. */
    BOT,
    /** A game's configuration on a platform; id: {@code gameName/platformCode}. */
    PLATFORM,
    /** An API key (never its secret or hash); id: the key's id. */
    API_KEY,
    /** An alert rule; id: the rule's id. */
    ALERT_RULE
}
