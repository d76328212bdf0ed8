package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;

/** A simulated screen reader that misreads a configurable share of multipliers. */
final class OcrReader {

    private final double misreadRate;

    OcrReader(double misreadRate) {
        this.misreadRate = misreadRate;
    }

    OcrRead read(BigDecimal multiplier, RandomGenerator random) {
        String shown = multiplier.setScale(2).toPlainString();
        if (random.nextDouble() >= misreadRate) {
            return new OcrRead(shown + "x", new BigDecimal(shown), confidence(random, 0.85, 0.99), null);
        }
        String swapped = swapNeighbouringDigits(shown, random);
        if (random.nextBoolean() && swapped != null) {
            return new OcrRead(swapped + "x", new BigDecimal(swapped), confidence(random, 0.40, 0.90),
                    OcrMisread.SWAPPED_DIGITS);
        }
        String dropped = shown.replace(".", "");
        return new OcrRead(dropped + "x", new BigDecimal(dropped), confidence(random, 0.40, 0.90),
                OcrMisread.DROPPED_DECIMAL_POINT);
    }

    /** A read of an amount of money as a screen shows it, to the cent (cut, not rounded); always legible. */
    OcrRead readAmount(BigDecimal amount, RandomGenerator random) {
        String shown = amount.setScale(2, RoundingMode.DOWN).toPlainString();
        return new OcrRead(shown, new BigDecimal(shown), confidence(random, 0.90, 0.99), null);
    }

    /** The text with two different neighbouring digits swapped (the point stays put), or null if all are equal. */
    private static String swapNeighbouringDigits(String shown, RandomGenerator random) {
        String digits = shown.replace(".", "");
        int candidates = 0;
        for (int i = 0; i + 1 < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(i + 1)) {
                candidates++;
            }
        }
        if (candidates == 0) {
            return null;
        }
        int pick = random.nextInt(candidates);
        char[] chars = digits.toCharArray();
        for (int i = 0; i + 1 < chars.length; i++) {
            if (chars[i] != chars[i + 1] && pick-- == 0) {
                char first = chars[i];
                chars[i] = chars[i + 1];
                chars[i + 1] = first;
                break;
            }
        }
        String swapped = new String(chars);
        int point = shown.indexOf('.');
        return swapped.substring(0, point) + "." + swapped.substring(point);
    }

    private static double confidence(RandomGenerator random, double from, double to) {
        return Math.round(random.nextDouble(from, to) * 1000) / 1000.0;
    }
}
