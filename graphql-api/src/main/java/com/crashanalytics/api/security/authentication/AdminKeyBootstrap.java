package com.crashanalytics.api.security.authentication;

import com.crashanalytics.domain.access.EnsureAdminUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On start: with {@code GATEWAY_ADMIN_KEY} set, says so (never the key). Otherwise, when no active ADMIN key is
 * stored, issues one and prints it once: the operator's only chance to copy it, since only its hash is kept.
 */
final class AdminKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final EnsureAdminUseCase admins;
    private final boolean fromEnvironment;

    AdminKeyBootstrap(EnsureAdminUseCase admins, boolean fromEnvironment) {
        this.admins = admins;
        this.fromEnvironment = fromEnvironment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (fromEnvironment) {
            log.info("Admin key: GATEWAY_ADMIN_KEY (from the environment)");
            return;
        }
        admins.ensureAdminExists().ifPresent(issued -> log.warn("""

                ================================================================================
                No admin key existed, so one was created. It is shown this once; only its hash
                is stored. Keep it safe (or set GATEWAY_ADMIN_KEY and restart instead):

                    {}

                Send it as: Authorization: Bearer <key>
                ================================================================================
                """, issued.secret().reveal()));
    }
}
