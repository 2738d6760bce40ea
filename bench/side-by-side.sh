#!/usr/bin/env bash
# Compares two builds of the server under the same POST /api/annotations load (100 documents), side by side:
# both run at once on loopback (ports 4101 and 4102, data dirs under a temp dir), each gets 60 s of warm-up, then
# they take turns under wrk (A B, B A, ...) so slow drifts of the machine hit both alike. Prints each run and the
# per-round ratio B/A with its spread; the servers are stopped at the end.
#
#   bench/side-by-side.sh A.jar B.jar [rounds=8] [seconds=10] [connections=16]
#   ENV_A / ENV_B: one NAME=value added to that server's environment, e.g. ENV_B=JAVA_TOOL_OPTIONS=-XX:+UseParallelGC
#
# Needs wrk (Debian: apt-get install wrk), curl and python3. A build is cli/target/semiont.jar with its lib/ next
# to it: copy both somewhere before building the other side.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,11p "$0" >&2; exit 2; }
command -v wrk >/dev/null || { echo "side-by-side: wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar_a="$(realpath "$1")"; jar_b="$(realpath "$2")"
rounds=${3:-8}; secs=${4:-10}; conns=${5:-16}
work="$(mktemp -d -t semiont-side-by-side.XXXXXX)"
export JWT_SECRET="side-by-side-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  rm -rf "$work"
}
trap cleanup EXIT

start() { # name jar port env
  mkdir -p "$work/$1"
  env "${4:-SIDE_BY_SIDE=1}" java -jar "$2" start --data-dir "$work/$1" --port "$3" >"$work/$1.log" 2>&1 &
  pids+=($!)
}
start A "$jar_a" 4101 "${ENV_A:-}"
start B "$jar_b" 4102 "${ENV_B:-}"

for side in A:4101 B:4102; do
  name=${side%:*}; port=${side#*:}
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$port/api/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$port/api/health/ready" >/dev/null || { echo "server $name did not start; log:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  "$root/semiont" useradd --email bench@example.org --name Bench --admin --data-dir "$work/$name" >/dev/null
  token=$("$root/semiont" token --email bench@example.org --data-dir "$work/$name" | tail -1)
  for i in $(seq 100); do
    curl -sf -XPOST "http://127.0.0.1:$port/api/documents" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"name\":\"D$i\",\"content\":\"Alice met Bob $i\"}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["document"]["id"])'
  done >"$work/docs$name.txt"
  cat >"$work/post$name.lua" <<LUA
local docs = {}
for line in io.lines("$work/docs$name.txt") do docs[#docs+1] = line end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
request = function()
  n = n + 1
  local d = docs[(n % 100) + 1]
  return wrk.format(nil, nil, nil, '{"motivation":"highlighting","target":{"source":"' .. d .. '","selector":[{"type":"TextPositionSelector","start":0,"end":5},{"type":"TextQuoteSelector","exact":"Alice"}]},"body":[{"type":"TextualBody","value":"note ' .. n .. '","purpose":"commenting"}]}')
end
LUA
done

run() { # side seconds
  local port=4101; [ "$1" = B ] && port=4102
  wrk -t2 -c"$conns" -d"$2"s --latency -s "$work/post$1.lua" "http://127.0.0.1:$port/api/annotations" >"$work/w$1.txt"
  echo "$1 $(awk '/Requests\/sec/ {print $2}' "$work/w$1.txt") p99 $(awk '$1=="99%" {print $2}' "$work/w$1.txt") $(grep -E 'Non-2xx|Socket errors' "$work/w$1.txt" | tr '\n' ' ')"
}
run A 60 >/dev/null
run B 60 >/dev/null
for i in $(seq "$rounds"); do
  if [ $((i % 2)) = 1 ]; then run A "$secs"; run B "$secs"; else run B "$secs"; run A "$secs"; fi
done | tee "$work/runs.txt"
python3 - "$work/runs.txt" <<'PY'
import statistics as st, sys
runs = {'A': [], 'B': []}
for line in open(sys.argv[1]):
    f = line.split()
    runs[f[0]].append(float(f[1]))
for k, v in runs.items():
    print(f"{k}: mean {st.mean(v):.0f} req/s, median {st.median(v):.0f}, sd {st.pstdev(v):.0f}")
r = [b / a for a, b in zip(runs['A'], runs['B'])]
print(f"B/A per round: mean {st.mean(r):.3f}, sd {st.pstdev(r):.3f}, standard error {st.pstdev(r) / len(r) ** 0.5:.3f}")
PY
