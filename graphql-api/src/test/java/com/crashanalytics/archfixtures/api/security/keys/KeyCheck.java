package com.crashanalytics.archfixtures.api.security.keys;

import com.crashanalytics.archfixtures.api.security.quota.Quota;

/** Breaks the security rooms' rule: authentication asking limits, which asks authentication back. */
public class KeyCheck {

    public Quota quota;
}
