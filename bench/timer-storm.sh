#!/usr/bin/env bash
# Timer storm benchmark on PostgreSQL: N SLA timers of real incidents due at once, drained by the job executor, versus
# N no-op timers drained by the same job executor in the same run; on one node and on two. Not part of ./mvnw verify.
# See bench/README.md, "Timer storm".
#
#   bench/timer-storm.sh                         # 1,000 timers per phase, 1 and 2 nodes (~4 min idle box, ~10 min busy)
#   TIMERS=400 bench/timer-storm.sh              # quicker
#   TIMERS=50000 bench/timer-storm.sh            # the issue's storm: 50,000 incidents are reported first (~20 min idle)
#   NODES=1 bench/timer-storm.sh                 # one node only
#   JOB_OPTS="-Dcamunda.bpm.job-execution.max-wait=60000" bench/timer-storm.sh   # other job executor settings
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, BENCH_DB (incidentflow_bench_timers),
# THREADS (2, reporting threads while the job executor is stopped), KEEP_DB=1 keeps the database afterwards.
set -euo pipefail

cd "$(dirname "$0")/.."
TIMERS="${TIMERS:-1000}"
NODES="${NODES:-1,2}"
THREADS="${THREADS:-2}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BENCH_DB="${BENCH_DB:-incidentflow_bench_timers}"
RESULTS="$PWD/bench/results"

drop_db() { psql -q -d postgres -c "drop database if exists \"$BENCH_DB\" with (force)" >/dev/null; }
drop_db
psql -q -d postgres -c "create database \"$BENCH_DB\""
if [[ "${KEEP_DB:-0}" != 1 ]]; then
	trap drop_db EXIT
fi

echo "timer storm: ${TIMERS} timers per phase, nodes ${NODES}, database ${BENCH_DB} on ${PGHOST}:${PGPORT} ${JOB_OPTS:-}"
# shellcheck disable=SC2086 # JOB_OPTS is a list of -D options
./mvnw -B -q test -Ppostgres \
	-Dtest.datasource.url="jdbc:postgresql://${PGHOST}:${PGPORT}/${BENCH_DB}" \
	-Dtest.datasource.username="$PGUSER" -Dtest.datasource.password="${PGPASSWORD:-}" \
	-Dgroups=benchmark -DexcludedGroups= -Dtest=TimerStormBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dbench.timers="$TIMERS" -Dbench.nodes="$NODES" -Dbench.threads="$THREADS" -Dbench.results="$RESULTS" ${JOB_OPTS:-}

latest="$(ls -t "$RESULTS"/timer-storm-*.md | head -1)"
echo
echo "=== $latest"
cat "$latest"
