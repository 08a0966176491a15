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
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BENCH_DB="${BENCH_DB:-incidentflow_bench_reports}"
RESULTS="$PWD/bench/results"

drop_db() { psql -q -d postgres -c "drop database if exists \"$BENCH_DB\" with (force)" >/dev/null; }
drop_db
psql -q -d postgres -c "create database \"$BENCH_DB\""
if [[ "${KEEP_DB:-0}" != 1 ]]; then
	trap drop_db EXIT
fi

echo "reports: ${INCIDENTS} incidents, warm-up ${WARMUP} s, ${REPEAT} calls per row, database ${BENCH_DB} on ${PGHOST}:${PGPORT}"
./mvnw -B -q test -Ppostgres \
	-Dtest.datasource.url="jdbc:postgresql://${PGHOST}:${PGPORT}/${BENCH_DB}" \
	-Dtest.datasource.username="$PGUSER" -Dtest.datasource.password="${PGPASSWORD:-}" \
	-Dgroups=benchmark -DexcludedGroups= -Dtest=ReportsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dbench.incidents="$INCIDENTS" -Dbench.repeat="$REPEAT" -Dbench.warmup="$WARMUP" -Dbench.port="${BENCH_PORT:-8122}" -Dbench.results="$RESULTS"

latest="$(ls -t "$RESULTS"/reports-*.md | head -1)"
echo
echo "=== $latest"
cat "$latest"
