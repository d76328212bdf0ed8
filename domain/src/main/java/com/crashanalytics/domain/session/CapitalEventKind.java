package com.crashanalytics.domain.session;

/** Which way capital moved: into a session's bankroll or out of it. */
public enum CapitalEventKind {
    /** Money added to the bankroll (a top-up): raises the equity, is not a profit. */
    DEPOSIT,
    /** Money taken out of the bankroll (a cash-out to the owner): lowers the equity, is not a loss. */
    WITHDRAWAL
}
