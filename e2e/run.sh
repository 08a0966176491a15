#!/usr/bin/env bash
# End-to-end tests: start the packaged product (demo profile, fresh in-memory H2) and drive the real
# Camunda Tasklist (tasklist.test.mjs, workspace.test.mjs: the incident summary, comments, escalation), the product's
# /reports page (reports.test.mjs) and the requester portal (portal.test.mjs) in Debian's headless
# Chromium through playwright-core. Needs: target/*.jar (./mvnw -DskipTests
# package), /usr/bin/chromium (or CHROMIUM=...), node 20+. Port: E2E_PORT (default 8097).
# Screenshots and DOM of a failed step, and the product's log, end up in e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${E2E_PORT:-8097}"
JAR=$(ls ../target/incident-flow-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "no jar under target/: run ./mvnw -B -DskipTests package first"; exit 1; }
mkdir -p artifacts
LOG="artifacts/app.log"

# A product already listening there would be tested instead of this build, on a database that is not fresh.
if curl -s -o /dev/null "http://localhost:$PORT/"; then
	echo "port $PORT is in use: stop what runs there or set E2E_PORT"
	exit 1
fi

java -jar "$JAR" --server.port="$PORT" \
	--spring.profiles.active=demo \
	--spring.datasource.url="jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1" >"$LOG" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true' EXIT

for _ in $(seq 1 300); do
	if curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; then break; fi
	if ! kill -0 $APP_PID 2>/dev/null; then echo "product did not start:"; tail -50 "$LOG"; exit 1; fi
	sleep 1
done
curl -sf "http://localhost:$PORT/actuator/health" >/dev/null || { echo "product not healthy:"; tail -50 "$LOG"; exit 1; }

[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
status=0
BASE_URL="http://localhost:$PORT" node --test --test-concurrency=1 tasklist.test.mjs workspace.test.mjs reports.test.mjs portal.test.mjs || status=$?
if [ "$status" -ne 0 ]; then
	echo "end-to-end test failed: see e2e/artifacts/ (screenshots, DOM, app.log); product log tail:"
	tail -40 "$LOG"
fi
exit "$status"
