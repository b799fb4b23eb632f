# Builds the portal jar and runs it on a JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY mail-templates mail-templates
RUN mvn -q -B package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app portal
WORKDIR /app
COPY --from=build /build/target/licensing-portal-*.jar /app/portal.jar
RUN mkdir -p /app/data && chown portal /app/data
USER portal
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=5 \
  CMD curl -fs http://localhost:8080/login > /dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/portal.jar"]
