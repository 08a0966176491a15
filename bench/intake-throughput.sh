#!/usr/bin/env bash
# Intake throughput benchmark on PostgreSQL: IncidentReporting.report versus a minimal process start, same run,
# same engine, same database. Not part of ./mvnw verify. See bench/README.md.
#
#   bench/intake-throughput.sh                       # 60 s warm-up, 30 s per phase, 1 and 2 threads (~4 min)
#   WARMUP=120 MEASURE=60 bench/intake-throughput.sh # longer and steadier (the JIT needs ~90 s on 2 busy cores)
#   THREADS=1 bench/intake-throughput.sh             # single thread only
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, BENCH_DB (incidentflow_bench),
# KEEP_DB=1 keeps the database afterwards for a look at it.
set -euo pipefail

cd "$(dirname "$0")/.."
WARMUP="${WARMUP:-60}"
MEASURE="${MEASURE:-30}"
THREADS="${THREADS:-2}"
BENCH_DB="${BENCH_DB:-incidentflow_bench}"
# shellcheck source=bench/lib.sh
source bench/lib.sh

bench_fresh_db

echo "intake throughput: warm-up ${WARMUP} s, ${MEASURE} s per phase, threads ${THREADS}, database ${BENCH_DB} on ${PGHOST}:${PGPORT}"
bench_run_class IntakeThroughputBenchmark \
	-Dbench.warmup="$WARMUP" -Dbench.measure="$MEASURE" -Dbench.threads="$THREADS"

bench_print_latest intake-throughput
