/**
 * The bot registry: bots and the VMs they run on, the games and platforms they play, and their strategies.
 */
@NullMarked
package com.crashanalytics.domain.bot;

import org.jspecify.annotations.NullMarked;
