package com.crashanalytics.archfixtures.domain.pong;

import com.crashanalytics.archfixtures.domain.ping.Ping;

/** ...and pong needs ping. */
public class Pong {
    Ping ping;
}
