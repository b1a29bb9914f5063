#!/usr/bin/env bash
# Measures what docs/PERFORMANCE.md reports, on this machine, with a Release build of the grader.
# Run it on a quiet machine: other processes inflate wall-clock times.
#   tools/measure-performance.sh [exercise ...]     (default: every exercise in solutions/)
#   tools/measure-performance.sh --batch N R [exercise ...]
#       a class of N copies of solutions/ (default exercises 01 and 02), graded R times by
#       `grader batch` with --jobs 1 and --jobs 2 and by a loop of `grader grade` (LOOP=0 skips
#       it); prints wall times and the overhead per submission (docs/PERFORMANCE.md, issue 10).
#       The batch is measured as a teacher deploys it: published (ReadyToRun), into a temporary folder.
# GRADER=path/to/grader measures that build instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=$(mktemp -d)
if [ -n "${GRADER:-}" ]; then
  grader=$GRADER
elif [ "${1:-}" = "--batch" ]; then
  dotnet publish src/Grader.Cli -c Release -o "$out/grader" -v quiet -nologo >/dev/null
  grader=$out/grader/grader
else
  dotnet build -c Release src/Grader.Cli -v quiet -nologo >/dev/null
  grader=src/Grader.Cli/bin/Release/net10.0/grader
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ "${1:-}" = "--batch" ]; then
  students=${2:?--batch N R: the number of students}
  repeats=${3:?--batch N R: the number of runs of each kind}
  shift 3
  exercises=("$@")
  [ ${#exercises[@]} -gt 0 ] || exercises=(01-perceptron 02-gradient-descent)
  # The checks derive hidden seeds from the course secret; any fixed one measures the same work.
  export AUTOGRADER_COURSE_SECRET=${AUTOGRADER_COURSE_SECRET:-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff}
  selected=()
  for e in "${exercises[@]}"; do selected+=(-e "$e"); done
  for i in $(seq 1 "$students"); do
    mkdir -p "$out/class/s$i"
    for e in "${exercises[@]}"; do cp -r "solutions/$e" "$out/class/s$i/"; done
  done

  echo "machine: $(nproc) cores; class of $students students (${exercises[*]}); $repeats runs each; grader $grader"
  echo
  echo "| run | load before | wall s | CPU s (user+sys) | per submission s | checks s / submission | overhead s / submission |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for r in $(seq 1 "$repeats"); do
    for jobs in 1 2; do
      before=$(load)
      rm -rf "$out/batch"
      /usr/bin/time -f "%e %U %S" -o "$out/time" "$grader" batch "$out/class" --out "$out/batch" --jobs "$jobs" "${selected[@]}" >/dev/null
      # Per student: wall time from batch.log, checks from the sum of durationMs in result.json.
      python3 - "$out/batch" "$jobs" "$before" $(cat "$out/time") <<'PY'
import json, os, sys
folder, jobs, load, wall, user, system = sys.argv[1:7]
walls, checks = {}, {}
for line in open(os.path.join(folder, "batch.log")):
    if line.startswith("#"):
        continue
    fields = line.rstrip("\n").split("\t")
    walls[fields[0]] = float(fields[2].split()[0])
for student in walls:
    report = json.load(open(os.path.join(folder, "students", student, "result.json")))["report"]
    checks[student] = sum(c["durationMs"] for e in report["exercises"] for c in e["checks"]) / 1000
over = [walls[s] - checks[s] for s in walls]
span = lambda xs: f"{min(xs):.2f} to {max(xs):.2f}" if len(xs) > 1 else f"{xs[0]:.2f}"
print(f"| batch --jobs {jobs} | {load} | {float(wall):.2f} | {float(user) + float(system):.2f} | {span(list(walls.values()))} | "
      f"{span(list(checks.values()))} | {span(over)} (mean {sum(over) / len(over):.2f}) |")
PY
    done
    if [ "${LOOP:-1}" != 0 ]; then
      before=$(load)
      start=$(date +%s.%N)
      for s in "$out"/class/*; do
        "$grader" grade "$s" "${selected[@]}" --json "$out/loop-$(basename "$s").json" >/dev/null
      done
      python3 -c "import sys; w = float(sys.argv[2]) - float(sys.argv[1]); n = int(sys.argv[3]); print(f'| loop of grader grade | {sys.argv[4]} | {w:.2f} | | {w / n:.2f} | | |')" \
        "$start" "$(date +%s.%N)" "$students" "$before"
    fi
  done
  rm -rf "$out"
  exit 0
fi

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
