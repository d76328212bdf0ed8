package com.crashanalytics.archfixtures.api;

import com.crashanalytics.archfixtures.domain.pong.Pong;
import com.crashanalytics.archfixtures.domain.pong.PongLog;
import org.springframework.stereotype.Controller;

/** Fixture breaking "one door per side": a controller reading and writing through a use case's outbound port. */
@Controller
public class ControllerWritingPort {

    private final PongLog pongs;

    public ControllerWritingPort(PongLog pongs) {
        this.pongs = pongs;
    }

    public void pong(Pong pong) {
        pongs.write(pong);
    }
}
