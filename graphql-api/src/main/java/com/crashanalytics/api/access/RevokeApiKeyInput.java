package com.crashanalytics.api.access;

import com.crashanalytics.domain.access.RevokeApiKeyCommand;

/** The GraphQL {@code RevokeApiKeyInput}, as bound from the request. */
record RevokeApiKeyInput(String id) {

    RevokeApiKeyCommand toCommand() {
        return RevokeApiKeyCommand.of(id);
    }
}
