#!/usr/bin/env bash
# Installs what the machine lacks, builds once, then runs the unit tests, the integration tests on
# SQLite and on a throw-away PostgreSQL 15 (side by side), and the end-to-end tests. It prints how
# long each part took; the last line printed is "N passed, N failed" over all runs; the exit code is
# non-zero when anything failed or crashed.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

configuration=Release
pg_port=${CP_PG_PORT:-54329}
pg_bin=/usr/lib/postgresql/15/bin
e2e=tests/CitizenParticipation.Tests.EndToEnd
results=$(mktemp -d "${TMPDIR:-/tmp}/cp-test-results.XXXXXX")
pg_dir=""

log() { printf '\n== %s\n' "$*"; }

# Each part's name and duration, printed at the end.
timings=()
timed() { timings+=("$1|$2"); }
part_start=$SECONDS
end_part() { timed "$1" $((SECONDS - part_start)); part_start=$SECONDS; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1; fi
}

cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$results"
}
trap cleanup EXIT

# postgres refuses to run as root, so as root the server runs as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# --- what the machine needs -------------------------------------------------------------------
missing=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x "$pg_bin/initdb" ] || missing+=(postgresql-15)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ -d "$e2e" ] && [ ! -d "$e2e/node_modules" ]; then
  log "npm ci in $e2e"
  (cd "$e2e" && npm ci --no-audit --no-fund) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

end_part "install, npm ci"

# --- build once -------------------------------------------------------------------------------
log "Building ($configuration)"
if ! dotnet build CitizenParticipation.sln -c "$configuration" --nologo -v q; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi
if [ -f "$e2e/CitizenParticipation.Tests.EndToEnd.csproj" ] && ! dotnet sln CitizenParticipation.sln list | grep -q "CitizenParticipation.Tests.EndToEnd"; then
  dotnet build "$e2e" -c "$configuration" --nologo -v q || { echo "The end-to-end tests did not build."; echo "0 passed, 1 failed"; exit 1; }
fi
end_part "restore, build"

# --- runs -------------------------------------------------------------------------------------
total_passed=0
total_failed=0
crashed=0

# test NAME PROJECT [extra dotnet test args...]: runs one test project, its output to $results/NAME.log,
# its exit code and duration beside it; safe to run in the background.
test_project() {
  local name=$1 project=$2
  shift 2
  local started=$SECONDS
  timeout 900 dotnet test "$project" -c "$configuration" --no-build --nologo \
    --logger "trx;LogFileName=$results/$name.trx" "$@" >"$results/$name.log" 2>&1
  echo $? >"$results/$name.code"
  echo $((SECONDS - started)) >"$results/$name.seconds"
}

# report NAME: prints a run's output and adds its counts to the totals.
report() {
  local name=$1
  local trx="$results/$name.trx" code seconds
  code=$(cat "$results/$name.code" 2>/dev/null || echo 1)
  seconds=$(cat "$results/$name.seconds" 2>/dev/null || echo 0)
  log "$name"
  cat "$results/$name.log" 2>/dev/null
  timed "$name" "$seconds"
  if [ ! -f "$trx" ]; then
    echo "!! $name did not report results (exit code $code)"
    crashed=$((crashed + 1))
    return
  fi
  local counters passed failed
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  local errors timeouts aborted
  errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  timeouts=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  aborted=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} + ${aborted:-0} ))
  total_passed=$((total_passed + ${passed:-0}))
  total_failed=$((total_failed + failed))
  echo "-- $name: ${passed:-0} passed, $failed failed"
  if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "!! $name exited with code $code"
    crashed=$((crashed + 1))
  fi
}

run() {
  test_project "$@"
  report "$1"
}

run unit tests/CitizenParticipation.Tests.Unit

log "Starting PostgreSQL 15 on 127.0.0.1:$pg_port"
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/cp-postgres.XXXXXX")
chmod 755 "$pg_dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
pg_started=false
if as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  && as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
       -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
  pg_started=true
else
  echo "!! PostgreSQL did not start:"
  cat "$pg_dir/initdb.log" "$pg_dir/server.log" 2>/dev/null | tail -n 20
  crashed=$((crashed + 1))
fi

# SQLite and PostgreSQL side by side, in two processes.
log "Integration tests on SQLite and on PostgreSQL, side by side"
parallel_started=$SECONDS
test_project integration-sqlite tests/CitizenParticipation.Tests.Integration &
sqlite_job=$!
if $pg_started; then
  CP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres" test_project integration-postgres tests/CitizenParticipation.Tests.Integration
fi
wait "$sqlite_job"
report integration-sqlite
if $pg_started; then
  report integration-postgres
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1
  # The server's own refusals (too many clients, timeouts, deadlocks) explain a 500 that a test only saw as a status.
  if [ "$(cat "$results/integration-postgres.code" 2>/dev/null || echo 1)" -ne 0 ]; then
    echo "-- PostgreSQL server errors (count, message):"
    grep -E "FATAL|ERROR|PANIC" "$pg_dir/server.log" | grep -v "administrator command\|does not exist" \
      | sed -E 's/^[0-9: .-]+[A-Z]+ \[[0-9]+\] //' | sort | uniq -c | sort -rn | head -n 15
  fi
fi
rm -rf "$pg_dir"
pg_dir=""
timed "integration (both, side by side)" $((SECONDS - parallel_started))

if [ -f "$e2e/CitizenParticipation.Tests.EndToEnd.csproj" ]; then
  run end-to-end "$e2e"
else
  log "No end-to-end test project yet ($e2e)"
fi

log "Times"
for timing in "${timings[@]}"; do
  seconds=${timing##*|}
  printf '%-36s %3dm %02ds\n' "${timing%|*}" $((seconds / 60)) $((seconds % 60))
done
printf '%-36s %3dm %02ds\n' "total" $((SECONDS / 60)) $((SECONDS % 60))

cd "$root"
if [ "$crashed" -gt 0 ]; then
  echo "$crashed test run(s) crashed or could not start."
  total_failed=$((total_failed + crashed))
fi
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
