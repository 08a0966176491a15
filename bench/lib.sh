#!/usr/bin/env bash
# Shared by the bench/*.sh scripts: the benchmark's own PostgreSQL database, dropped and created at the start and
# dropped at the end (KEEP_DB=1 keeps it), and the Maven call that runs one benchmark class against it.
# Source it after `set -euo pipefail` and `cd` to the project root; set BENCH_DB first.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, BENCH_DB, KEEP_DB.

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
RESULTS="$PWD/bench/results"

bench_drop_db() { psql -q -d postgres -c "drop database if exists \"$BENCH_DB\" with (force)" >/dev/null; }

# A fresh, empty database for this run; dropped again when the script exits unless KEEP_DB=1.
bench_fresh_db() {
	bench_drop_db
	psql -q -d postgres -c "create database \"$BENCH_DB\""
	if [[ "${KEEP_DB:-0}" != 1 ]]; then
		trap bench_drop_db EXIT
	fi
}

# bench_run_class <JUnit class> [more -D options]: the class (tag "benchmark") on the benchmark's database with the
# postgres profile; its Markdown result goes to bench/results.
bench_run_class() {
	local class="$1"
	shift
	./mvnw -B -q test -Ppostgres \
		-Dtest.datasource.url="jdbc:postgresql://${PGHOST}:${PGPORT}/${BENCH_DB}" \
		-Dtest.datasource.username="$PGUSER" -Dtest.datasource.password="${PGPASSWORD:-}" \
		-Dgroups=benchmark -DexcludedGroups= -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false \
		-Dbench.results="$RESULTS" "$@"
}

# bench_print_latest <prefix>: prints the newest result file of that benchmark.
bench_print_latest() {
	local latest
	latest="$(ls -t "$RESULTS"/"$1"-*.md | head -1)"
	echo
	echo "=== $latest"
	cat "$latest"
}
