#!/usr/bin/env bash
# Runs the anchors of ../shared/anchors (the spec's own design) and the engine's criterion
# benchmarks in one go on this machine, then prints the comparison table for benches/README.md.
#
#   benches/run-anchors.sh              # dateutil + SQL at seed scale + criterion  (~3 min)
#   benches/run-anchors.sh --national   # also the SQL anchor at national scale      (+~7 min)
#   PTI_ANCHORS_REUSE=1 benches/run-anchors.sh --national   # keep databases loaded by a previous run
#
# Needs PostgreSQL on 127.0.0.1:5432 with a superuser `postgres` (trust), python3, cargo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
anchors=${PTI_ANCHORS:-$root/../shared/anchors}
out=${TMPDIR:-/tmp}/pti-anchors
mkdir -p "$out"
national=0
[ "${1:-}" = "--national" ] && national=1
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

echo "== anchor 2: python-dateutil expands the weekday RRULE for 30 centres x 90 days"
venv="$out/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q python-dateutil >/dev/null
"$venv/bin/python" "$anchors/dateutil/expand.py" | tee "$out/dateutil.txt"

sql_anchor() { # db scale
  local db=$1 scale=$2
  if [ "${PTI_ANCHORS_REUSE:-0}" = 1 ] && psql -X -tAq -d "$db" -c "SELECT 1 FROM planning LIMIT 1" 2>/dev/null | grep -q 1; then
    echo "(reusing the loaded database $db)"
  else
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    PGDATABASE_SEED=$db PGDATABASE_NATIONAL=$db "$anchors/sql_design/load.sh" "$scale" 2>&1 | grep LOAD
  fi
  pgbench -n -M prepared -f "$anchors/sql_design/search.sql" -c 1 -j 1 -T 5 "$db" >/dev/null
  echo "== anchor 1: SQL search, $scale scale (pgbench -M prepared -c 1 -T 15)"
  pgbench -n -M prepared -f "$anchors/sql_design/search.sql" -c 1 -j 1 -T 15 "$db" | tee "$out/sql_$scale.txt" | grep -E 'latency average|^tps'
}
sql_anchor pti_anchor_seed seed
[ $national = 1 ] && sql_anchor pti_anchor_national national

echo "== pti-core criterion benchmarks"
(cd "$root" && cargo bench -p pti-benches --bench core -- --warm-up-time 2 --measurement-time 5) | grep -E '^[a-z_]+/|time:'

python3 - "$out" "${CARGO_TARGET_DIR:-$root/target}/criterion" <<'PY'
import json, os, re, sys
out, crit = sys.argv[1], sys.argv[2]
def median_ns(name):
    with open(os.path.join(crit, name, "new", "estimates.json")) as f:
        return json.load(f)["median"]["point_estimate"]
def fmt(ns):
    return f"{ns/1e6:.3f} ms" if ns >= 1e6 else f"{ns/1e3:.2f} µs" if ns >= 1e3 else f"{ns:.0f} ns"
dateutil = float(re.search(r"best=([\d.]+) ms", open(os.path.join(out, "dateutil.txt")).read()).group(1)) * 1e6
sql_seed = os.path.join(out, "sql_seed.txt")
if os.path.exists(sql_seed):
    ms = float(re.search(r"latency average = ([\d.]+) ms", open(sql_seed).read()).group(1))
    print(f"SQL anchor at seed scale (30 centres): {ms:.3f} ms per search")
rows = [("slot generation, 30 centres x 90 days (31,200 slots)", "schedule_30_centres_90_days_anchor_rule", dateutil, "python-dateutil, best of 5")]
for scale in ("seed", "national"):
    path = os.path.join(out, f"sql_{scale}.txt")
    if os.path.exists(path):
        ms = float(re.search(r"latency average = ([\d.]+) ms", open(path).read()).group(1))
        if scale == "national":
            rows.append(("geo search, 6,000 centres, Paris 50 km, 20 x 3 slots", "search_national_6000_paris_50km_20x3", ms * 1e6, "spec SQL + tuned partial index, pgbench avg"))
print("\n| benchmark | pti-core median | anchor | anchor time | ratio |\n|---|---|---|---|---|")
for label, bench, anchor, what in rows:
    try:
        ns = median_ns(bench)
    except FileNotFoundError:
        continue
    print(f"| {label} | {fmt(ns)} | {what} | {fmt(anchor)} | **{anchor/ns:,.0f}x** |")
for name in ("schedule_30_centres_90_days_2_inspector_shifts", "search_national_6000_paris_50km_best", "availability_book_and_release", "availability_rebuild_centre_90_days"):
    try:
        print(f"| {name} | {fmt(median_ns(name))} | – | – | – |")
    except FileNotFoundError:
        pass
PY
