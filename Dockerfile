# syntax=docker/dockerfile:1
# The gateway as a container image: built from the sources by Maven, run on a JRE as an unprivileged user.
#   docker build -t crash-analytics-gateway .
# Runs against an external PostgreSQL (SPRING_DATASOURCE_URL); deploy/compose.yaml starts one with TLS.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# ~/.m2 is a build cache: the dependencies are downloaded once, not at every source change. No .git in the build
# context (see .dockerignore): /actuator/info then shows the build but no commit.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl graphql-api -am package -DskipTests

# Spring Boot's layers: dependencies change rarely, the application often; each is its own image layer. Extracted
# without the launcher: the application's jar next to its libraries as plain jars (lib/), run with `java -jar`, so
# every class comes from the JVM's own class path, which is what a class-data-sharing archive can hold.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /src/graphql-api/target/crash-analytics-gateway.jar crash-analytics-gateway.jar
RUN java -Djarmode=tools -jar crash-analytics-gateway.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 gateway && useradd --system --uid 10001 --gid gateway --no-create-home gateway
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# The same memory settings as `mvn -pl graphql-api -am spring-boot:run` (graphql-api/pom.xml, gateway.jvmArguments):
# a 224 MB heap (its young generation 144 MB, survivors 24 MB, sizes fixed) and the parallel collector keep the
# container's peak RSS under 512 MB (README, Memory); a limit of 640 MB leaves room. Override with JAVA_TOOL_OPTIONS.
ENV SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-Xms224m -Xmx224m -Xmn144m -XX:SurvivorRatio=4 -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -XX:MaxMetaspaceSize=256m -Xss512k"
# Class-data sharing (README, Restarting fast): one training start records the classes the gateway loads up to a
# ready context (spring.context.exit=onRefresh stops it there: no port opened, no scheduled job run) into an archive
# that every start of the image then maps instead of reading and verifying those classes again. The training start
# runs on a throwaway embedded PostgreSQL (no database is reachable while the image builds), as the user the image
# runs as (PostgreSQL refuses root). Spring's exit halts the JVM without its shutdown hooks, so that PostgreSQL is
# stopped from its pid file. The archive is then root's and read-only, and the training's files go in the same step
# so no layer keeps them. The archive belongs to these jars and this JDK; a start that cannot use it (another JDK,
# changed jars) runs without it, only slower.
RUN install -d -o gateway -g gateway /tmp/cds-training \
 && setpriv --reuid=gateway --regid=gateway --init-groups \
      env HOME=/tmp/cds-training GATEWAY_DATA_DIR=/tmp/cds-training/data SERVER_PORT=0 \
      java -Djava.io.tmpdir=/tmp/cds-training -XX:ArchiveClassesAtExit=/tmp/cds-training/gateway.jsa \
           -Dspring.context.exit=onRefresh -jar crash-analytics-gateway.jar \
 && postmaster_pid=/tmp/cds-training/data/postmaster.pid \
 && if [ -f "$postmaster_pid" ]; then kill "$(head -n 1 "$postmaster_pid")"; fi \
 && install -m 0444 -o root -g root /tmp/cds-training/gateway.jsa /app/gateway.jsa \
 && rm -rf /tmp/cds-training
USER gateway
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/gateway.jsa", "-jar", "crash-analytics-gateway.jar"]
