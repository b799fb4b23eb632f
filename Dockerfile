# The portal's production image (README: Going live). Built with the Maven wrapper; runs as a non-root user from
# Spring Boot's layered jar (dependencies change less often than the portal: their layers stay cached), with a class
# data sharing archive made at build time.
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
# Extracted as class data sharing needs it (README: Starting faster): application.jar and lib/ of plain jars.
RUN ./mvnw -q -B package -DskipTests \
    && cp target/licensing-portal-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app portal
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# The CDS training run: makes the application context and exits (spring.context.exit=onRefresh), writing the classes
# it loaded into application.jsa, which every start then maps instead of loading them again. No database is reachable
# while the image is built, so it runs the embedded default profile on a throwaway H2 database (the classes are
# nearly all the same); the archive must come from this image's own JVM. A build without an archive fails here.
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
    && test -s application.jsa \
    && rm -rf /app/data \
    && mkdir -p /app/data && chown portal /app/data
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
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "application.jar"]
