package com.crashanalytics.api.analytics;

import com.crashanalytics.domain.analytics.ruin.RiskOfRuin;
import com.crashanalytics.domain.analytics.ruin.RiskOfRuinQuery;
import com.crashanalytics.domain.analytics.ruin.StakingReadModel;
import com.crashanalytics.domain.analytics.ruin.StakingRule;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Risk of ruin: the bot's observed staking from the read model, the probability from the domain. */
@Controller
class RiskOfRuinController {

    private final StakingReadModel staking;

    RiskOfRuinController(StakingReadModel staking) {
        this.staking = staking;
    }

    @QueryMapping
    @Nullable RiskOfRuin riskOfRuin(@Argument String botId, @Argument int rounds, @Argument int simulations,
                                    @Argument long seed) {
        return new RiskOfRuinQuery(botId, rounds, simulations, seed).answer(staking);
    }

    @SchemaMapping(typeName = "RiskOfRuin")
    StakingRule stakingRule(RiskOfRuin risk) {
        return risk.rule();
    }
}
