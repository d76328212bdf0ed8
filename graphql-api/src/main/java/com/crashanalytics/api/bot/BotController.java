package com.crashanalytics.api.bot;

import com.crashanalytics.domain.bot.RegisterBotUseCase;
import com.crashanalytics.domain.bot.RegisterBotUseCase.RegisteredBot;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Bots registering themselves: the write side of bots (dashboards read them through {@link BotReadController}). */
@Controller
class BotController {

    private final RegisterBotUseCase registerBot;

    BotController(RegisterBotUseCase registerBot) {
        this.registerBot = registerBot;
    }

    @MutationMapping
    RegisteredBot registerBot(@Argument RegisterBotInput input) {
        return registerBot.register(input.toCommand());
    }
}
