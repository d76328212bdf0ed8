package com.crashanalytics.api.access;

import java.util.List;

import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.access.IssueApiKeyCommand;

/** The GraphQL {@code CreateApiKeyInput}, as bound from the request. */
record CreateApiKeyInput(String label, ApiKeyRole role, List<String> botIds) {

    IssueApiKeyCommand toCommand() {
        return new IssueApiKeyCommand(label, role, botIds);
    }
}
