#!/usr/bin/env bash
# Two-node test: the packaged product started twice (profiles postgres,demo) on one fresh PostgreSQL database, each
# node on its own port, then checked the way a cluster behind a load balancer is used (README, "Several nodes on one
# PostgreSQL"):
#   1. sessions   a Tasklist login and a login to the product's pages on node 1 work on node 2 (no sticky sessions)
#   2. intake     the same Alertmanager notifications sent to both nodes at once, and incident reports to both for a
#                 bounded time: no duplicate incident, number, process instance or timer
#   3. SLA        SLA timers made due (SQL on ACT_RU_JOB.DUEDATE_) while both nodes run: each fires exactly once
#                 (ACT_HI_JOB_LOG), its effect (breach flag, SLA_BREACHED activity) is on the record once
#   4. kill -9    node 1 killed while reports go to both nodes and while it holds SLA jobs it is executing (their
#                 incident rows are locked from psql so those jobs cannot finish): every acknowledged (2xx) incident
#                 exists with its process instance and task, and node 2 runs the jobs node 1 held, once, after their
#                 lock expired (lock time shortened to LOCK_TIME_MS for the test)
# Needs target/incident-flow-*.jar (./mvnw -B verify or package), java, curl, psql and a PostgreSQL server.
# Environment: CLUSTER_DB (default incidentflow_cluster; dropped and created), PGHOST/PGPORT/PGUSER/PGPASSWORD,
# NODE1_PORT/NODE2_PORT (8151/8152), LOAD_SECONDS (25), ALERTS (20), LOCK_TIME_MS (10000).
# Node logs and the load records end up in target/cluster/. Exit status 0 only when every check passed.
set -uo pipefail
cd "$(dirname "$0")/.."

DB="${CLUSTER_DB:-incidentflow_cluster}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PORT1="${NODE1_PORT:-8151}"
PORT2="${NODE2_PORT:-8152}"
LOAD_SECONDS="${LOAD_SECONDS:-25}"
ALERTS="${ALERTS:-20}"
LOCK_TIME_MS="${LOCK_TIME_MS:-10000}"
START_TIMEOUT="${START_TIMEOUT:-240}"
OUT=target/cluster
PASSWORD=demo
export ADMIN_PASSWORD="Cluster-Admin-$RANDOM$RANDOM"

JAR=$(ls target/incident-flow-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "FAIL no jar under target/: run ./mvnw -B -DskipTests package first"; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

FAILURES=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILURES=$((FAILURES + 1)); }
info() { echo "     $*"; }
# check "what" actual expected
check() { if [ "$2" = "$3" ]; then pass "$1 ($2)"; else fail "$1: got $2, expected $3"; fi; }
sql() { psql -d "$DB" -X -A -t -q -v ON_ERROR_STOP=1 -c "$1"; }

PIDS=()
LOCK_PID=""
cleanup() {
	for pid in "${LOAD_PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
	[ -n "$LOCK_PID" ] && kill "$LOCK_PID" 2>/dev/null
	for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; done
	wait 2>/dev/null
}
trap cleanup EXIT
trap 'echo "FAIL interrupted"; exit 130' INT TERM

for port in "$PORT1" "$PORT2"; do
	if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "FAIL port $port is in use"; exit 1; fi
done

echo "== fresh database $DB"
psql -d postgres -X -q -v ON_ERROR_STOP=1 -c "drop database if exists $DB with (force)" -c "create database $DB" \
	|| { echo "FAIL cannot create database $DB"; exit 1; }

# start_node name port: the packaged jar, postgres + demo profiles, short job lock time, quick job acquisition
start_node() {
	NODE_NAME="$1" java -Xmx512m -XX:TieredStopAtLevel=1 -jar "$JAR" \
		--spring.profiles.active=postgres,demo \
		--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
		--spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
		--server.port="$2" \
		--camunda.bpm.job-execution.lock-time-in-millis="$LOCK_TIME_MS" \
		--camunda.bpm.job-execution.wait-time-in-millis=1000 \
		--camunda.bpm.job-execution.max-wait=2000 \
		>"$OUT/$1.log" 2>&1 &
	PIDS+=($!)
	disown $! # no "Killed" job notice from bash when node 1 is killed on purpose
	eval "PID_${1//-/_}=$!"
}

wait_healthy() {
	local name=$1 port=$2 pid=$3 started=$SECONDS
	while [ $((SECONDS - started)) -lt "$START_TIMEOUT" ]; do
		if curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
			pass "$name healthy on port $port after $((SECONDS - started)) s"
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			fail "$name exited during start-up (log $OUT/$name.log):"; tail -30 "$OUT/$name.log"; exit 1
		fi
		sleep 1
	done
	fail "$name not healthy within $START_TIMEOUT s (log $OUT/$name.log):"; tail -30 "$OUT/$name.log"; exit 1
}

# Node 2 starts once node 1's engine has created its tables on the fresh database (schema-update is not made for two
# nodes creating one schema at once); from there both start together: identity setup (startup_lock) and the
# deployment of the models (the engine's deployment lock) run on both nodes at the same time.
echo "== start node-1 (port $PORT1), then node-2 (port $PORT2) as soon as the engine's schema exists"
start_node node-1 "$PORT1"
started=$SECONDS
until grep -q 'ENGINE-00001 Process Engine default created' "$OUT/node-1.log"; do
	kill -0 "$PID_node_1" 2>/dev/null || { fail "node-1 exited during start-up:"; tail -30 "$OUT/node-1.log"; exit 1; }
	[ $((SECONDS - started)) -lt "$START_TIMEOUT" ] || { fail "node-1 created no engine within $START_TIMEOUT s"; exit 1; }
	sleep 1
done
start_node node-2 "$PORT2"
wait_healthy node-1 "$PORT1" "$PID_node_1"
wait_healthy node-2 "$PORT2" "$PID_node_2"
check "process definitions of incident-management after two starts" "$(sql "select count(*) from act_re_procdef where key_ = 'incident-management'")" 1
check "Tasklist filters created twice" "$(sql "select count(*) from (select owner_, name_, query_ from act_ru_filter group by 1, 2, 3 having count(*) > 1) d")" 0
N1="http://127.0.0.1:$PORT1"
N2="http://127.0.0.1:$PORT2"

###################################################################################################################
echo "== 1. sessions: log in on node-1, go on on node-2"
JAR_T="$OUT/tasklist.cookies"
# the token the webapps echo in X-XSRF-TOKEN: the XSRF-TOKEN cookie last set (as the browser's webapp reads it)
xsrf() { awk '$6 == "XSRF-TOKEN" { token = $7 } END { print token }' "$JAR_T"; }
curl -s -o /dev/null -D "$OUT/h1" -c "$JAR_T" -b "$JAR_T" "$N1/camunda/app/tasklist/"
status=$(curl -s -o /dev/null -w '%{http_code}' -D "$OUT/h2" -c "$JAR_T" -b "$JAR_T" -H "X-XSRF-TOKEN: $(xsrf)" \
	--data-urlencode username=alice --data-urlencode password="$PASSWORD" \
	"$N1/camunda/api/admin/auth/user/default/login/tasklist")
check "Tasklist login as alice on node-1" "$status" 200
who=$(curl -s -c "$JAR_T" -b "$JAR_T" "$N2/camunda/api/admin/auth/user/default")
case "$who" in *'"userId":"alice"'*) pass "node-2 knows the login of node-1: $who" ;; *) fail "node-2 does not know alice's login: $who" ;; esac
status=$(curl -s -o "$OUT/count.json" -w '%{http_code}' -D "$OUT/h3" -c "$JAR_T" -b "$JAR_T" \
	"$N2/camunda/api/engine/engine/default/task/count?candidateGroup=service-desk")
check "Tasklist API (task count) on node-2 with node-1's cookies" "$status" 200
status=$(curl -s -o /dev/null -w '%{http_code}' -D "$OUT/h4" -c "$JAR_T" -b "$JAR_T" -H "X-XSRF-TOKEN: $(xsrf)" \
	-H 'Content-Type: application/json' -d '{"candidateGroup":"service-desk"}' "$N2/camunda/api/engine/engine/default/task/count")
check "Tasklist POST with the XSRF token on node-2" "$status" 200
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_T" -b "$JAR_T" -H 'Content-Type: application/json' \
	-d '{"candidateGroup":"service-desk"}' "$N2/camunda/api/engine/engine/default/task/count")
check "control: the same POST without the XSRF token is refused on node-2" "$status" 403
status=$(curl -s -o /dev/null -w '%{http_code}' "$N2/camunda/api/engine/engine/default/task/count")
check "control: node-2 without the cookies" "$status" 401

JAR_U="$OUT/ui.cookies"
csrf=$(curl -s -c "$JAR_U" -b "$JAR_U" "$N1/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_U" -b "$JAR_U" --data-urlencode username=maria \
	--data-urlencode password="$PASSWORD" --data-urlencode _csrf="$csrf" "$N1/login")
check "product login (/login) as maria on node-1 redirects" "$status" 302
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_U" -b "$JAR_U" "$N2/reports")
check "/reports on node-2 with node-1's session" "$status" 200
status=$(curl -s -o /dev/null -w '%{http_code}' "$N2/reports")
check "control: /reports on node-2 without the session" "$status" 302
info "sessions in the database: $(sql 'select count(*) from spring_session')"

###################################################################################################################
echo "== 2. intake: $ALERTS Alertmanager notifications to both nodes at once, reports to both for $LOAD_SECONDS s"
RUN="C$RANDOM"
alert() { # alert i: one firing notification with its own group and fingerprint
	cat <<-JSON
	{"version":"4","groupKey":"{}:{alertname=\"ClusterTest-$RUN-$1\"}","truncatedAlerts":0,"status":"firing",
	 "receiver":"incident-flow","groupLabels":{"alertname":"ClusterTest-$RUN-$1"},
	 "commonLabels":{"alertname":"ClusterTest-$RUN-$1","severity":"warning","service":"checkout"},
	 "commonAnnotations":{"summary":"cluster test alert $1"},"externalURL":"http://alertmanager.example.org:9093",
	 "alerts":[{"status":"firing","labels":{"alertname":"ClusterTest-$RUN-$1","severity":"warning","service":"checkout",
	 "instance":"checkout-$1:8080"},"annotations":{"summary":"cluster test alert $1"},
	 "startsAt":"2026-11-20T10:00:00.000Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"$RUN-$1"}]}
	JSON
}
# reporter node-url seconds file: POST /api/incidents in a loop (at least once); a line per request: HTTP status, number, s
reporter() {
	local url=$1 until=$((SECONDS + $2)) out=$3 n=0 body status number
	while [ $n -eq 0 ] || [ $SECONDS -lt $until ]; do
		n=$((n + 1))
		body=$(curl -s --max-time 30 -w '\n%{http_code} %{time_total}' -u "rita:$PASSWORD" -H 'Content-Type: application/json' \
			-d "{\"title\":\"Cluster test $RUN $(basename "$out") $n\",\"type\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}" \
			"$url/api/incidents" 2>/dev/null)
		read -r status seconds < <(printf '%s' "$body" | tail -n 1)
		number=$(printf '%s' "$body" | grep -o '"number":"[^"]*"' | head -1 | cut -d'"' -f4)
		echo "$status ${number:--} $seconds" >>"$out"
		[ "$status" = 000 ] && sleep 0.2
	done
}
LOAD_PIDS=()
start_load() { # start_load seconds tag: two reporters per node
	for w in 1 2; do
		reporter "$N1" "$1" "$OUT/reports-$2-node1-w$w.txt" & LOAD_PIDS+=($!)
		reporter "$N2" "$1" "$OUT/reports-$2-node2-w$w.txt" & LOAD_PIDS+=($!)
	done
}
# one report per node first: the first report of a fresh JVM initialises the decision engine and more
reporter "$N1" 0 "$OUT/reports-both-node1-w0.txt"
reporter "$N2" 0 "$OUT/reports-both-node2-w0.txt"
start_load "$LOAD_SECONDS" both
ALERT_PIDS=()
for i in $(seq 1 "$ALERTS"); do
	alert "$i" >"$OUT/alert-$i.json"
	for url in "$N1" "$N2"; do
		curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 -u "monitoring:$PASSWORD" -H 'Content-Type: application/json' \
			--data-binary "@$OUT/alert-$i.json" "$url/api/intake/alertmanager" >>"$OUT/alerts-status.txt" &
		ALERT_PIDS+=($!)
	done
	# both copies of a notification leave together; a few notifications at a time, like Alertmanager's groups
	[ $((i % 5)) -eq 0 ] && sleep 0.5
done
wait "${ALERT_PIDS[@]}" "${LOAD_PIDS[@]}" 2>/dev/null
LOAD_PIDS=()

statuses=$(sort "$OUT/alerts-status.txt" | uniq -c | awk '{printf "%s×%s ", $2, $1}')
check "alert deliveries answered 200 (of $((ALERTS * 2)): $statuses)" "$(grep -c '^200$' "$OUT/alerts-status.txt")" $((ALERTS * 2))
check "alerts stored once each" "$(sql "select count(*) from monitoring_alert where fingerprint like '$RUN-%'")" "$ALERTS"
check "alert groups stored once each" "$(sql "select count(*) from monitoring_alert_group where group_key like '%ClusterTest-$RUN-%'")" "$ALERTS"
check "incidents opened by the alerts" "$(sql "select count(distinct i.id) from incident i join monitoring_alert a on a.incident_id = i.id where a.fingerprint like '$RUN-%'")" "$ALERTS"
check "alert incidents with the same title (duplicates)" "$(sql "select count(*) from (select title from incident where title like 'ClusterTest-$RUN-%' group by title having count(*) > 1) d")" 0
cat "$OUT"/reports-both-*.txt >"$OUT/reports-both.txt"
acked=$(grep -c '^20[01] ' "$OUT/reports-both.txt")
total=$(wc -l <"$OUT/reports-both.txt")
bad=$(grep -vc '^20[01] ' "$OUT/reports-both.txt")
info "reports: $total requests, $acked acknowledged (node-1: $(cat "$OUT"/reports-both-node1-*.txt | grep -c '^201 '), node-2: $(cat "$OUT"/reports-both-node2-*.txt | grep -c '^201 ')), $(awk "BEGIN{printf \"%.1f\", $acked / $LOAD_SECONDS}") per s"
check "report requests not acknowledged while both nodes run" "$bad" 0
[ "$acked" -gt 0 ] || fail "no report was acknowledged"
check "acknowledged reports with the same number" "$(awk '/^20[01] /{print $2}' "$OUT/reports-both.txt" | sort | uniq -d | wc -l)" 0

###################################################################################################################
echo "== 3. SLA: response timers of 20 incidents made due while both nodes run"
SLA_JOBS="select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
	where d.act_id_ in ('SlaResponseWarning', 'SlaResponseBreach') and j.process_instance_id_ in
	(select process_instance_id from incident where state = 'NEW' and not response_breached"
sql "create table cluster_test_sla_jobs as $SLA_JOBS order by number limit 20)" >/dev/null
sla_jobs=$(sql "select count(*) from cluster_test_sla_jobs")
info "timer jobs made due: $sla_jobs (of $(sql "select count(distinct j.process_instance_id_) from act_ru_job j join cluster_test_sla_jobs s on s.id_ = j.id_") incidents)"
sql "update act_ru_job set duedate_ = now() - interval '1 minute' where id_ in (select id_ from cluster_test_sla_jobs)"
started=$SECONDS
while [ "$(sql "select count(*) from act_ru_job where id_ in (select id_ from cluster_test_sla_jobs)")" != 0 ] \
	&& [ $((SECONDS - started)) -lt 90 ]; do sleep 1; done
info "all due SLA timers gone after $((SECONDS - started)) s"
check "SLA timers that fired (one success each in act_hi_job_log)" \
	"$(sql "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and job_id_ in (select id_ from cluster_test_sla_jobs) group by job_id_ having count(*) = 1) j")" "$sla_jobs"
check "SLA timers that fired more than once" \
	"$(sql "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and job_id_ in (select id_ from cluster_test_sla_jobs) group by job_id_ having count(*) > 1) j")" 0
info "SLA timers run per node: $(sql "select string_agg(hostname_ || '=' || n, ', ') from (select hostname_, count(*) n from act_hi_job_log where job_state_ = 2 and job_id_ in (select id_ from cluster_test_sla_jobs) group by hostname_ order by hostname_) h")"
breached=$(sql "select count(*) from incident where response_breached and process_instance_id in (select distinct process_instance_id_ from act_hi_job_log where job_id_ in (select id_ from cluster_test_sla_jobs))")
check "incidents flagged response-breached" "$breached" "$(sql "select count(distinct process_instance_id_) from act_hi_job_log where job_id_ in (select id_ from cluster_test_sla_jobs)")"
check "incidents with more than one SLA_BREACHED entry" "$(sql "select count(*) from (select incident_id from incident_activity where event = 'SLA_BREACHED' group by incident_id, detail having count(*) > 1) d")" 0

###################################################################################################################
echo "== 4. kill -9 node-1 mid-load while it holds SLA jobs"
# incidents whose response timers node 1 should be running when it dies: their rows are locked from here, so any
# node running such a job waits (its activity insert needs the row) until node 1 is dead
sql "create table cluster_test_takeover as $SLA_JOBS order by number desc limit 8)" >/dev/null
takeover_incidents="select id from incident where process_instance_id in (select process_instance_id_ from act_ru_job where id_ in (select id_ from cluster_test_takeover))"
PGAPPNAME=cluster-test-lock psql -d "$DB" -X -q -c "begin; select id from incident where id in ($takeover_incidents) for update; select pg_sleep(120); commit;" >/dev/null 2>&1 &
LOCK_PID=$!
sleep 1
start_load 25 kill
sleep 3
sql "update act_ru_job set duedate_ = now() - interval '1 minute' where id_ in (select id_ from cluster_test_takeover)"
started=$SECONDS
while [ "$(sql "select count(*) from act_ru_job where lock_owner_ = 'node-1' and id_ in (select id_ from cluster_test_takeover)")" = 0 ] \
	&& [ $((SECONDS - started)) -lt 30 ]; do sleep 0.3; done
kill -9 "$PID_node_1"
KILLED_AT=$(sql "select now()")
sql "create table cluster_test_killed_locks as select id_, lock_exp_time_ from act_ru_job where lock_owner_ = 'node-1' and id_ in (select id_ from cluster_test_takeover)"
held=$(sql "select count(*) from cluster_test_killed_locks")
info "node-1 killed at $KILLED_AT holding $held of $(sql "select count(*) from cluster_test_takeover") due SLA jobs (lock time $LOCK_TIME_MS ms)"
[ "$held" -gt 0 ] || fail "node-1 held none of the due SLA jobs when it was killed: takeover not tested"
sql "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'cluster-test-lock'" >/dev/null
wait "$LOCK_PID" 2>/dev/null; LOCK_PID=""
wait "${LOAD_PIDS[@]}" 2>/dev/null; LOAD_PIDS=()
started=$SECONDS
while [ "$(sql "select count(*) from act_ru_job where id_ in (select id_ from cluster_test_takeover)")" != 0 ] \
	&& [ $((SECONDS - started)) -lt $((LOCK_TIME_MS / 1000 + 60)) ]; do sleep 1; done
info "due SLA jobs of the kill phase gone $((SECONDS - started)) s after the load stopped"
check "jobs node-1 held, run once by node-2 after their lock expired" \
	"$(sql "select count(*) from cluster_test_killed_locks k where (select count(*) from act_hi_job_log l where l.job_id_ = k.id_ and l.job_state_ = 2 and l.hostname_ = 'node-2' and l.timestamp_ >= k.lock_exp_time_) = 1 and (select count(*) from act_hi_job_log l where l.job_id_ = k.id_ and l.job_state_ = 2) = 1")" "$held"
check "jobs of the kill phase that fired exactly once" \
	"$(sql "select count(*) from cluster_test_takeover t where (select count(*) from act_hi_job_log l where l.job_id_ = t.id_ and l.job_state_ = 2) = 1")" \
	"$(sql "select count(*) from cluster_test_takeover")"

cat "$OUT"/reports-kill-*.txt >"$OUT/reports-kill.txt"
cat "$OUT/reports-both.txt" "$OUT/reports-kill.txt" | awk '/^20[01] /{print $2}' | sort -u >"$OUT/acknowledged.txt"
info "kill phase: $(wc -l <"$OUT/reports-kill.txt") requests, $(grep -c '^201 ' "$OUT/reports-kill.txt") acknowledged (node-1: $(cat "$OUT"/reports-kill-node1-*.txt | grep -c '^201 '), node-2: $(cat "$OUT"/reports-kill-node2-*.txt | grep -c '^201 ')), refused or cut off: $(grep -vc '^20[01] ' "$OUT/reports-kill.txt")"
check "report requests to node-2 not acknowledged while node-1 died" "$(cat "$OUT"/reports-kill-node2-*.txt | grep -vc '^201 ')" 0
sql "create table cluster_test_acked (number varchar(20) primary key)"
psql -d "$DB" -X -q -v ON_ERROR_STOP=1 -c "\\copy cluster_test_acked from '$OUT/acknowledged.txt'"
acked_all=$(sql "select count(*) from cluster_test_acked")
info "acknowledged incidents in both phases: $acked_all"
check "acknowledged incidents missing in the database" "$(sql "select count(*) from cluster_test_acked a where not exists (select 1 from incident i where i.number = a.number)")" 0
check "acknowledged incidents without a running process instance" "$(sql "select count(*) from cluster_test_acked a where not exists (select 1 from incident i join act_ru_execution e on e.proc_inst_id_ = i.process_instance_id and e.id_ = e.proc_inst_id_ and e.business_key_ = i.number where i.number = a.number)")" 0
check "acknowledged incidents without an open task" "$(sql "select count(*) from cluster_test_acked a where not exists (select 1 from incident i join act_ru_task t on t.proc_inst_id_ = i.process_instance_id where i.number = a.number)")" 0

###################################################################################################################
echo "== whole database"
check "incident numbers given twice" "$(sql "select count(*) from (select number from incident group by number having count(*) > 1) d")" 0
check "business keys with more than one process instance" "$(sql "select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'incident-management' group by business_key_ having count(*) > 1) d")" 0
check "incidents without a process instance" "$(sql "select count(*) from incident i where not exists (select 1 from act_hi_procinst p where p.id_ = i.process_instance_id)")" 0
check "timers created twice (same instance and timer event)" "$(sql "select count(*) from (select j.process_instance_id_, d.act_id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where j.type_ = 'timer' group by 1, 2 having count(*) > 1) d")" 0
# (history cleanup is one job that runs again and again in its window by design)
check "jobs that succeeded more than once" "$(sql "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and job_def_type_ <> 'history-cleanup' group by job_id_ having count(*) > 1) d")" 0
info "incidents: $(sql 'select count(*) from incident'), open timer jobs: $(sql "select count(*) from act_ru_job where type_ = 'timer'"), failed job runs: $(sql 'select count(*) from act_hi_job_log where job_state_ = 1')"
grep -q 'ERROR' "$OUT/node-2.log" && info "node-2 logged $(grep -c ' ERROR ' "$OUT/node-2.log") ERROR lines (see $OUT/node-2.log)"

echo
if [ "$FAILURES" -eq 0 ]; then
	echo "PASS two-node test: all checks passed (logs in $OUT/)"
	exit 0
fi
echo "FAIL two-node test: $FAILURES check(s) failed (logs in $OUT/)"
exit 1
