package com.crashanalytics.simulator.gateway;

/**
 * An API key createApiKey issued.
 *
 * @param id     what revokeApiKey takes
 * @param prefix the key's first characters, to tell keys apart in apiKeys
 * @param secret the key itself, sent as {@code Authorization: Bearer}; never printed
 */
public record IssuedApiKey(String id, String prefix, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id + ", prefix=" + prefix + "]";
    }
}
