package com.crashanalytics.api.bot;

import java.util.Optional;

import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.RegisterBotUseCase;
import com.crashanalytics.domain.bot.RegisterBotUseCase.RegisteredBot;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Bots: registration (written by bots) and lookup (read by dashboards). */
@Controller
class BotController {

    private final RegisterBotUseCase registerBot;
    private final BotRegistry bots;

    BotController(RegisterBotUseCase registerBot, BotRegistry bots) {
        this.registerBot = registerBot;
        this.bots = bots;
    }

    @MutationMapping
    RegisteredBot registerBot(@Argument RegisterBotInput input) {
        return registerBot.register(input.toCommand());
    }

    @QueryMapping
    Optional<Bot> bot(@Argument String botId) {
        return bots.find(botId);
    }
}
