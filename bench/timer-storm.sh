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
BENCH_DB="${BENCH_DB:-incidentflow_bench_timers}"
# shellcheck source=bench/lib.sh
source bench/lib.sh

bench_fresh_db

echo "timer storm: ${TIMERS} timers per phase, nodes ${NODES}, database ${BENCH_DB} on ${PGHOST}:${PGPORT} ${JOB_OPTS:-}"
# shellcheck disable=SC2086 # JOB_OPTS is a list of -D options
bench_run_class TimerStormBenchmark \
	-Dbench.timers="$TIMERS" -Dbench.nodes="$NODES" -Dbench.threads="$THREADS" ${JOB_OPTS:-}

bench_print_latest timer-storm
