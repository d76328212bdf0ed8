package com.crashanalytics.persistence.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data ({@code GATEWAY_DATA_DIR}) and on which port it listens
 * ({@code GATEWAY_EMBEDDED_DB_PORT}, 0 = any free port).
 */
@ConfigurationProperties(prefix = "gateway")
public class GatewayDatabaseProperties {

    private Path dataDir = Path.of("./data");
    private int embeddedDbPort = 0;

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public int getEmbeddedDbPort() {
        return embeddedDbPort;
    }

    public void setEmbeddedDbPort(int embeddedDbPort) {
        this.embeddedDbPort = embeddedDbPort;
    }
}
