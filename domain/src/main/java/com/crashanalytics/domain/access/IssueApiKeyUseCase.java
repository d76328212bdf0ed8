package com.crashanalytics.domain.access;

/** Inbound port: an administrator issues a key. The secret is in the answer and nowhere else, ever. */
public interface IssueApiKeyUseCase {

    IssuedApiKey issue(IssueApiKeyCommand command);
}
