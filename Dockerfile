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

# Spring Boot's layers: dependencies change rarely, the application often; each is its own image layer.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /src/graphql-api/target/crash-analytics-gateway.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 gateway && useradd --system --uid 10001 --gid gateway --no-create-home gateway
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER gateway
# The same memory settings as `mvn -pl graphql-api -am spring-boot:run` (graphql-api/pom.xml, gateway.jvmArguments):
# a 256 MB heap and the serial collector keep the container's peak RSS under 512 MB (README, Memory); a limit of
# 640 MB leaves room. Override with JAVA_TOOL_OPTIONS.
ENV SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m -Xss512k"
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
