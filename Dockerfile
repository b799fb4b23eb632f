# The portal's production image (README: Going live). Built with the Maven wrapper; runs as a non-root user from
# Spring Boot's layered jar (dependencies change less often than the portal: their layers stay cached).
# Its default is production: the mysql profile, no demo data, no captured mail, no generated signing key. Start-up
# stops with one sentence naming the environment variables still to set. docker-compose.yml sets the demo explicitly.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -q -B dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY mail-templates mail-templates
RUN ./mvnw -q -B package -DskipTests \
    && java -Djarmode=tools -jar target/licensing-portal-*.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app portal
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
RUN mkdir -p /app/data && chown portal /app/data
USER 10001
ENV SPRING_PROFILES_ACTIVE=mysql \
    PORTAL_DEMO_DATA=false \
    PORTAL_MAIL_CAPTURE=false \
    PORTAL_LICENSE_KEY_GENERATE=false
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=5 \
  CMD curl -fs http://localhost:8080/actuator/health/readiness > /dev/null || exit 1
# The JVM sizes its heap from the container's memory limit (75 %), and a node out of memory stops to be restarted
# rather than limping on.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
