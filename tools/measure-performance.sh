#!/usr/bin/env bash
# Measures what docs/PERFORMANCE.md reports, on this machine, with a Release build of the grader.
# Run it on a quiet machine: other processes inflate wall-clock times.
#   tools/measure-performance.sh [exercise ...]     (default: every exercise in solutions/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build -c Release src/Grader.Cli -v quiet -nologo >/dev/null
grader=src/Grader.Cli/bin/Release/net10.0/grader
out=$(mktemp -d)
exercises=("$@")
if [ ${#exercises[@]} -eq 0 ]; then
  mapfile -t exercises < <(ls -d solutions/[0-9][0-9]-*/ | xargs -n1 basename)
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| exercise | grade wall s | user+sys s | checks s (sum of durationMs) | checks |"
echo "| --- | --- | --- | --- | --- |"
for e in "${exercises[@]}"; do
  /usr/bin/time -f "%e %U %S" -o "$out/time" "$grader" grade solutions --exercise "$e" --json "$out/$e.json" >/dev/null
  read -r wall user sys < "$out/time"
  python3 - "$out/$e.json" "$e" "$wall" "$user" "$sys" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
checks = report["exercises"][0]["checks"]
print(f"| {sys.argv[2]} | {float(sys.argv[3]):.1f} | {float(sys.argv[4]) + float(sys.argv[5]):.1f} | "
      f"{sum(c['durationMs'] for c in checks) / 1000:.1f} | {len(checks)} |")
PY
done

echo
echo "whole course, workers (default):"
/usr/bin/time -f "  %e s wall, %U s user, %S s sys" "$grader" grade solutions --json "$out/all.json" >/dev/null
echo "whole course, in-process (no isolation):"
/usr/bin/time -f "  %e s wall, %U s user, %S s sys" "$grader" grade solutions --in-process --json "$out/all-in.json" >/dev/null

echo
echo "compile, cold (first in a fresh process) and warm (median of 50):"
for e in "${exercises[@]}"; do
  "$grader" bench-compile solutions --exercise "$e" --repeat 50 | tail -n 1
done
rm -rf "$out"
