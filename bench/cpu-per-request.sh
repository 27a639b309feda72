#!/usr/bin/env bash
# One A/B measurement of uncached article renders: starts the built portal of <checkout> on the
# database <db> (bulk data, e.g. the bench's) with PAGE_CACHE=off, pinned to core 0 with
# `npm run serve`'s node flags, waits for its start-up jobs, warms up 3 s, then loads it 10 s with
# wrk on core 1 (50 connections, identity encoding, random /article/<1..max-id>), and prints
# req/s and the portal's CPU time per request. Run two checkouts alternately, several times each.
# Usage: bench/cpu-per-request.sh <checkout> <db> [port] [max-id]   (127.0.0.1 only; needs wrk, taskset)
set -euo pipefail
checkout=$(cd "$1" && pwd)
db=$2
port=${3:-18050}
max_id=${4:-10032}
bench_dir=$(cd "$(dirname "$0")" && pwd)
cd "$checkout"
# the checkout's own `npm run serve` command (node, its flags, dist/server.js), without npm in between
read -r -a serve <<<"$(node -p "require('./package.json').scripts.serve")"
[ "${serve[0]}" = exec ] && serve=("${serve[@]:1}")
NODE_ENV=production PAGE_CACHE=off DATABASE_PATH="$db" PORT="$port" HOST=127.0.0.1 \
  SESSION_SECRET=cpu-per-request-bench-secret-0123456789 ADMIN_PASSWORD=cpu-per-request-bench \
  taskset -c 0 "${serve[@]}" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
up=no
for _ in $(seq 1 100); do
  if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then up=yes; break; fi
  sleep 0.2
done
if [ "$up" != yes ]; then echo "the portal of $checkout did not start (built? Node 22 first on PATH?)" >&2; exit 1; fi
sleep 6 # the start-up jobs (相关阅读, QR codes, search index check) finish first
cd "$bench_dir/.."
load() { taskset -c 1 wrk -t1 -c50 -d"$1" -s bench/wrk-request.lua "http://127.0.0.1:$port/" -- "$max_id" identity 2>&1; }
load 3s >/dev/null
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
before=$(cpu_ticks)
out=$(load 10s)
after=$(cpu_ticks)
requests=$(echo "$out" | awk '/requests in/ { print $1 }')
rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
echo "$(basename "$checkout") req/s=$rps cpu_us_per_request=$(((after - before) * 1000000 / $(getconf CLK_TCK) / requests))"
