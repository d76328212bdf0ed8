package com.crashanalytics.archfixtures.api.security.quota;

import com.crashanalytics.archfixtures.api.security.keys.KeyCheck;

/** The other half of {@link KeyCheck}'s cycle. */
public class Quota {

    public KeyCheck checkedBy;
}
