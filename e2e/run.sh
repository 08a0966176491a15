#!/usr/bin/env bash
# End-to-end test: starts the packaged product (demo profile, fresh in-memory H2) and drives the real
# Camunda Tasklist in Debian's headless Chromium through playwright-core. Needs: target/*.jar, /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${E2E_PORT:-8097}"
JAR=$(ls ../target/incident-flow-*.jar | grep -v original | head -n 1)
LOG="$(mktemp -t incidentflow-e2e-XXXX.log)"

java -jar "$JAR" --server.port="$PORT" \
  --spring.profiles.active=demo \
  --spring.datasource.url="jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1" >"$LOG" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; then break; fi
  if ! kill -0 $APP_PID 2>/dev/null; then echo "product did not start:"; tail -50 "$LOG"; exit 1; fi
  sleep 1
done
curl -sf "http://localhost:$PORT/actuator/health" >/dev/null || { echo "product not healthy:"; tail -50 "$LOG"; exit 1; }

[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
BASE_URL="http://localhost:$PORT" node --test tasklist.test.mjs
