#!/usr/bin/env bash
# The knowledge suggestion query over 50,000 published known errors and articles on PostgreSQL, against a baseline
# call measured in the same run. Not part of ./mvnw verify. See bench/README.md, "Knowledge search".
#
#   bench/knowledge-search.sh                         # 50,000 items, 30 rounds of 10 queries (~3 min)
#   ITEMS=200000 REPEAT=50 bench/knowledge-search.sh
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, BENCH_DB (incidentflow_bench_knowledge),
# BENCH_PORT (8103), KEEP_DB=1 keeps the database afterwards.
set -euo pipefail

cd "$(dirname "$0")/.."
ITEMS="${ITEMS:-50000}"
REPEAT="${REPEAT:-30}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BENCH_DB="${BENCH_DB:-incidentflow_bench_knowledge}"
RESULTS="$PWD/bench/results"

drop_db() { psql -q -d postgres -c "drop database if exists \"$BENCH_DB\" with (force)" >/dev/null; }
drop_db
psql -q -d postgres -c "create database \"$BENCH_DB\""
if [[ "${KEEP_DB:-0}" != 1 ]]; then
	trap drop_db EXIT
fi

echo "knowledge search: ${ITEMS} items, ${REPEAT} rounds, database ${BENCH_DB} on ${PGHOST}:${PGPORT}"
./mvnw -B -q test -Ppostgres \
	-Dtest.datasource.url="jdbc:postgresql://${PGHOST}:${PGPORT}/${BENCH_DB}" \
	-Dtest.datasource.username="$PGUSER" -Dtest.datasource.password="${PGPASSWORD:-}" \
	-Dgroups=benchmark -DexcludedGroups= -Dtest=KnowledgeSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dbench.items="$ITEMS" -Dbench.repeat="$REPEAT" -Dbench.port="${BENCH_PORT:-8103}" -Dbench.results="$RESULTS"

latest="$(ls -t "$RESULTS"/knowledge-search-*.md | head -1)"
echo
echo "=== $latest"
cat "$latest"
