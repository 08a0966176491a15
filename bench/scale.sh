#!/usr/bin/env bash
# Scale benchmark: the product with a growing backlog of open incidents (1,000 / 10,000 / 100,000 by default) on
# PostgreSQL, and start-up to healthy of the embedded default (H2). Not part of ./mvnw verify. See bench/README.md,
# "Scale".
#
#   bench/scale.sh                                   # stages 1,000 / 10,000 / 100,000 (100k: about an hour of loading on 2 cores)
#   STAGES=1000,10000,50000 bench/scale.sh           # shorter
#   STAGES=1000,10000 REPEAT=50 bench/scale.sh        # quick, steadier percentiles
#   SKIP_STARTUP=1 bench/scale.sh                    # only the backlog stages
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, BENCH_DB (incidentflow_bench_scale),
# BENCH_PORT (8110, the benchmark's web server), STARTUP_PORT (8111, the start-up measurement), THREADS (2, loading
# threads), REPEAT (30 calls per row), COMPLETIONS (100 triage tasks completed per stage), KEEP_DB=1 keeps the database.
set -euo pipefail

cd "$(dirname "$0")/.."
STAGES="${STAGES:-1000,10000,100000}"
THREADS="${THREADS:-2}"
REPEAT="${REPEAT:-30}"
COMPLETIONS="${COMPLETIONS:-100}"
STARTUP_PORT="${STARTUP_PORT:-8111}"
BENCH_DB="${BENCH_DB:-incidentflow_bench_scale}"
# shellcheck source=bench/lib.sh
source bench/lib.sh

# Start-up to healthy on the embedded default (demo profile, H2 file database): the packaged application, started
# twice in an empty folder, the first time on no data (Flyway and the engine create their schema), the second time
# on the data of the first; seconds from `java -jar` to /actuator/health answering UP.
startup() {
	local jar data pid t0 t1 run
	./mvnw -B -q -DskipTests package
	jar="$(ls target/incident-flow-*.jar | grep -v plain | head -1)"
	data="$(mktemp -d)"
	for run in "empty data folder" "second start, same data"; do
		t0=$(date +%s.%N)
		(cd "$data" && exec java -jar "$OLDPWD/$jar" --server.port="$STARTUP_PORT" >"$data/app.log" 2>&1) &
		pid=$!
		until curl -fs "http://localhost:${STARTUP_PORT}/actuator/health" 2>/dev/null | grep -q '"UP"'; do
			if ! kill -0 "$pid" 2>/dev/null; then
				echo "the application stopped; its log:" && tail -50 "$data/app.log" && return 1
			fi
			sleep 0.2
		done
		t1=$(date +%s.%N)
		printf '| start-up to healthy, H2, %s | %.1f s |\n' "$run" "$(echo "$t1 - $t0" | bc)" | tee -a "$RESULTS/scale-startup.tmp"
		jcmd "$pid" GC.run >/dev/null
		printf '| live heap after a full GC, just started (%s) | %s |\n' "$run" \
			"$(jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1)" | tee -a "$RESULTS/scale-startup.tmp"
		kill "$pid"
		wait "$pid" || true
	done
	rm -rf "$data"
}

mkdir -p "$RESULTS"
rm -f "$RESULTS/scale-startup.tmp"
if [[ "${SKIP_STARTUP:-0}" != 1 ]]; then
	echo "scale: start-up to healthy on the embedded default, port ${STARTUP_PORT}"
	startup
fi

bench_fresh_db
echo "scale: stages ${STAGES}, ${THREADS} loading threads, ${REPEAT} calls per row, database ${BENCH_DB} on ${PGHOST}:${PGPORT}"
bench_run_class ScaleBenchmark \
	-Dbench.stages="$STAGES" -Dbench.threads="$THREADS" -Dbench.repeat="$REPEAT" -Dbench.completions="$COMPLETIONS" \
	-Dbench.port="${BENCH_PORT:-8110}" -Dbench.clone="${CLONE:-true}"

latest="$(ls -t "$RESULTS"/scale-2*.md | head -1)"
if [[ -f "$RESULTS/scale-startup.tmp" ]]; then
	{ echo; echo "| start-up (packaged application, demo profile, H2) | |"; echo "|---|---:|"; cat "$RESULTS/scale-startup.tmp"; } >>"$latest"
	rm -f "$RESULTS/scale-startup.tmp"
fi
bench_print_latest scale
