package com.crashanalytics.domain.analytics.replay;

import java.util.BitSet;

/**
 * Whether each crash point of a window reached the cash-out target, in the order the rounds were dealt: all a replay
 * needs of them, since every staking rule keeps one target and only wins or loses. One bit per crash point, so a
 * window of half a million points is 60 KiB rather than half a million objects.
 *
 * @param count   the crash points in the window (at most the limit asked for)
 * @param reached bit {@code i} set when the {@code i}-th crash point (from 0) came at or after the target
 */
public record ReachedTargets(int count, BitSet reached) {

    /** From a string of '1' (reached) and '0' (crashed before), one character per crash point in order. */
    public static ReachedTargets ofDigits(CharSequence digits) {
        BitSet reached = new BitSet(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) == '1') {
                reached.set(i);
            }
        }
        return new ReachedTargets(digits.length(), reached);
    }

    public boolean reached(int point) {
        return reached.get(point);
    }
}
