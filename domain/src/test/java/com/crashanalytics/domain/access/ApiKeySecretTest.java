package com.crashanalytics.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void aKeyIsThePrefixAnd256RandomBitsInUrlSafeBase64() {
        String key = ApiKeySecret.generate().reveal();

        assertThat(key).startsWith("cag_").matches("cag_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(key.substring(4))).hasSize(32);
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(ApiKeySecret.generate().reveal());
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void theVisiblePrefixIsTheFirstTwelveCharactersAndToStringShowsNothingMore() {
        ApiKeySecret secret = ApiKeySecret.generate();

        assertThat(secret.visiblePrefix()).hasSize(12).isEqualTo(secret.reveal().substring(0, 12));
        assertThat(secret.toString()).doesNotContain(secret.reveal()).startsWith(secret.visiblePrefix());
    }

    @Test
    void theHashIsTheSha256OfTheKey() {
        // SHA-256("abc") is the FIPS 180-2 test vector ba7816bf 8f01cfea ...
        assertThat(ApiKeyHash.of("abc").bytes()).startsWith(0xba - 256, 0x78, 0x16, 0xbf - 256);
        ApiKeySecret secret = ApiKeySecret.generate();
        assertThat(secret.hash().matches(ApiKeyHash.of(secret.reveal()))).isTrue();
        assertThat(secret.hash().matches(ApiKeyHash.of(secret.reveal() + "x"))).isFalse();
        assertThat(secret.hash().bytes()).hasSize(32);
    }
}
