package com.crashanalytics.api.access;

import java.util.List;

import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.IssueApiKeyUseCase;
import com.crashanalytics.domain.access.IssuedApiKey;
import com.crashanalytics.domain.access.ListApiKeysUseCase;
import com.crashanalytics.domain.access.RevokeApiKeyUseCase;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** API keys: issued, revoked and listed by administrators (see GatewayAccessPolicies). */
@Controller
class ApiKeyController {

    private final IssueApiKeyUseCase issue;
    private final RevokeApiKeyUseCase revoke;
    private final ListApiKeysUseCase list;

    ApiKeyController(IssueApiKeyUseCase issue, RevokeApiKeyUseCase revoke, ListApiKeysUseCase list) {
        this.issue = issue;
        this.revoke = revoke;
        this.list = list;
    }

    @MutationMapping
    CreateApiKeyPayload createApiKey(@Argument CreateApiKeyInput input) {
        IssuedApiKey issued = issue.issue(input.toCommand());
        return new CreateApiKeyPayload(issued.secret().reveal(), issued.key());
    }

    @MutationMapping
    RevokeApiKeyPayload revokeApiKey(@Argument RevokeApiKeyInput input) {
        return new RevokeApiKeyPayload(revoke.revoke(input.toCommand()));
    }

    @QueryMapping
    List<ApiKey> apiKeys(@Argument Boolean includeRevoked) {
        return list.list(Boolean.TRUE.equals(includeRevoked)); // an explicit null means the default, false
    }

    /** The GraphQL {@code CreateApiKeyPayload}: the secret, shown in this answer only, and the key's record. */
    record CreateApiKeyPayload(String secret, ApiKey apiKey) {
    }

    /** The GraphQL {@code RevokeApiKeyPayload}. */
    record RevokeApiKeyPayload(ApiKey apiKey) {
    }
}
