package com.crashanalytics.api.operations;

import com.crashanalytics.domain.recovery.Resume;
import com.crashanalytics.domain.recovery.ResumeQuery;
import com.crashanalytics.domain.recovery.ResumeUseCase;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Restart recovery: a bot that (re)starts asks where it left off. */
@Controller
class ResumeController {

    private final ResumeUseCase resume;

    ResumeController(ResumeUseCase resume) {
        this.resume = resume;
    }

    @QueryMapping
    Resume resume(@Argument String botId, @Argument int lastRounds) {
        return resume.resume(new ResumeQuery(botId, lastRounds));
    }
}
