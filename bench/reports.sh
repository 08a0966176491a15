#!/usr/bin/env bash
# Report endpoints over 100,000 incidents on PostgreSQL, against a baseline call measured in the same run.
# Not part of ./mvnw verify. See bench/README.md, "Reports".
#
#   bench/reports.sh                                  # 100,000 incidents, 60 s warm-up, 20 calls per row (~5 min)
#   INCIDENTS=200000 REPEAT=50 bench/reports.sh        # more data, steadier percentiles
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, BENCH_DB (incidentflow_bench_reports),
# BENCH_PORT (8122), WARMUP (60 s), KEEP_DB=1 keeps the database afterwards.
set -euo pipefail

cd "$(dirname "$0")/.."
INCIDENTS="${INCIDENTS:-100000}"
REPEAT="${REPEAT:-20}"
WARMUP="${WARMUP:-60}"
BENCH_DB="${BENCH_DB:-incidentflow_bench_reports}"
# shellcheck source=bench/lib.sh
source bench/lib.sh

bench_fresh_db

echo "reports: ${INCIDENTS} incidents, warm-up ${WARMUP} s, ${REPEAT} calls per row, database ${BENCH_DB} on ${PGHOST}:${PGPORT}"
bench_run_class ReportsBenchmark \
	-Dbench.incidents="$INCIDENTS" -Dbench.repeat="$REPEAT" -Dbench.warmup="$WARMUP" -Dbench.port="${BENCH_PORT:-8122}"

bench_print_latest reports
