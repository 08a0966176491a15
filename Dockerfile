# Incident Flow: build with Maven on JDK 17, run on a JRE 17 as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
# sources, models (processes/) and forms (forms/); .dockerignore keeps build output and local data out
COPY . .
RUN ./mvnw -B -q -DskipTests package && cp target/incident-flow-*.jar /build/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system incidentflow && useradd --system --gid incidentflow --home-dir /app incidentflow
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
RUN mkdir -p /app/data && chown -R incidentflow:incidentflow /app
USER incidentflow
EXPOSE 8080
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
