#!/usr/bin/env bash
# Alert storm: Alertmanager deliveries with 95 % duplicates across 200 alert groups from a load client in a second
# process (wrk), against a baseline endpoint of the same application in the same run; afterwards one incident per
# group must exist. Not part of ./mvnw verify. See bench/README.md, "Alert storm".
#
#   bench/alert-storm.sh                     # 20 s warm-up, 2 rounds of 30 s baseline + 30 s storm, 16 connections
#   MEASURE=60 CONNECTIONS=32 bench/alert-storm.sh
#
# Needs wrk (Debian: apt-get install wrk). Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# PGPASSWORD, BENCH_DB (incidentflow_bench_alerts), BENCH_PORT (8112), KEEP_DB=1 keeps the database.
set -euo pipefail

cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing (Debian/Ubuntu: apt-get install wrk)"; exit 1; }
BENCH_DB="${BENCH_DB:-incidentflow_bench_alerts}"
# shellcheck source=bench/lib.sh
source bench/lib.sh

bench_fresh_db
echo "alert storm: database ${BENCH_DB} on ${PGHOST}:${PGPORT}, port ${BENCH_PORT:-8112}"
bench_run_class AlertStormBenchmark \
	-Dbench.measure="${MEASURE:-30}" -Dbench.warmup="${WARMUP:-20}" -Dbench.connections="${CONNECTIONS:-16}" \
	-Dbench.clientThreads="${CLIENT_THREADS:-2}" -Dbench.port="${BENCH_PORT:-8112}"

bench_print_latest alert-storm
