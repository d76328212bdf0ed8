package com.crashanalytics.domain.access;

/** A key just issued: the secret, to hand to its owner this once, and what the gateway keeps about it. */
public record IssuedApiKey(ApiKeySecret secret, ApiKey key) {
}
