package com.crashanalytics.persistence.coordination;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.crashanalytics.persistence.bot.CachedPlatformRegistry;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this replica's platform cache in step with every other replica: {@code LISTEN platform_changes} (announced
 * by a trigger on {@code game_platform_config} and {@code crash_games} when a change commits, whoever made it) on a
 * connection of its own, and the cache emptied on each notification. A notification arrives within milliseconds of
 * the commit, and the thread wakes at most {@link #WAIT} after it.
 *
 * <p>While the listening connection is lost (the database restarting) notifications are missed, so the cache is
 * emptied again each time the connection is taken anew; the cache's own maximum age bounds what is left.
 */
public final class PlatformChangeListener implements SmartLifecycle {

    static final String CHANNEL = "platform_changes";
    /** How long one wait for notifications blocks: how quickly the thread notices it should stop. */
    static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(PlatformChangeListener.class);

    private final DataSource dataSource;
    private final CachedPlatformRegistry cache;
    private volatile @Nullable Thread listener;
    private volatile boolean running;

    public PlatformChangeListener(DataSource dataSource, CachedPlatformRegistry cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    @Override
    public synchronized void start() {
        running = true;
        Thread thread = new Thread(this::listen, "platform-changes");
        thread.setDaemon(true);
        thread.start();
        listener = thread;
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT.toMillis() * 4);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute(SqlTemplate.sql("LISTEN {channel}").with("channel", CHANNEL).text());
                }
                // Whatever changed while nobody listened is forgotten with the rest.
                cache.forgetAll();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] news = notifications.getNotifications((int) WAIT.toMillis());
                    if (news != null && news.length > 0) {
                        cache.forgetAll();
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                // Whatever broke (the database away, the pool closing), the thread must live on to listen again.
                if (running) {
                    log.warn("Platform cache: listening for platform changes failed ({}); listening again shortly, "
                            + "the cache's maximum age bounds what is missed meanwhile", lost.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
