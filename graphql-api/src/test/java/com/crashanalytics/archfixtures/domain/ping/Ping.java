package com.crashanalytics.archfixtures.domain.ping;

import com.crashanalytics.archfixtures.domain.pong.Pong;

/** Fixture breaking "no cycles between domain areas": ping needs pong... */
public class Ping {
    Pong pong;
}
