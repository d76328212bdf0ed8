package com.crashanalytics.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The firewall's loops accept exactly what Spring Security's regular expressions accept (copied here from
 * {@code StrictHttpFirewall}): every single UTF-16 unit, every code point of the supplementary planes (assigned and
 * unassigned), pairs and lone surrogates, and random mixtures.
 */
class HeaderFirewallTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsWhatSpringSecuritysExpressionsAccept() {
        List<String> samples = new ArrayList<>();
        for (int unit = 0; unit <= 0xFFFF; unit++) {
            samples.add(String.valueOf((char) unit));
            samples.add("x-" + (char) unit + "-y");
        }
        for (int codePoint = 0x10000; codePoint <= Character.MAX_CODE_POINT; codePoint += 97) {
            samples.add("a" + Character.toString(codePoint));
        }
        samples.add("");
        samples.add("\t");
        samples.add("Bearer cag_abc\tdef");
        samples.add("\uD83D");               // a lone high surrogate
        samples.add("\uDE00x");              // a lone low surrogate
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', '0', ' ', '\t', '\n', '\u0000', '\u007F', '\u0085', '\u00E9', '\u0378', '\uD83D',
                '\uDE00', '\uFFFF', '|', ';'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            samples.add(text.toString());
        }

        for (String sample : samples) {
            assertThat(HeaderFirewall.NAMES.test(sample)).as("name %s", escaped(sample))
                    .isEqualTo(NAMES.matcher(sample).matches());
            assertThat(HeaderFirewall.VALUES.test(sample)).as("value %s", escaped(sample))
                    .isEqualTo(VALUES.matcher(sample).matches());
        }
        // The rules are not vacuous: both outcomes occur.
        assertThat(HeaderFirewall.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderFirewall.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderFirewall.VALUES.test("a\u0007b")).isFalse();
        assertThat(HeaderFirewall.VALUES.test("a\u0378b")).isFalse();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(unit -> out.append(String.format("\\u%04X", unit)));
        return out.toString();
    }
}
