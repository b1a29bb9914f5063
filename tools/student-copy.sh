#!/usr/bin/env bash
# Makes the learners' copy of the course in a new folder: everything tracked by git except the
# solutions, the hidden checks, the grader's own tests and the mutation tool (which need both) and the teacher's
# `.autograder/` folder (the course secret hidden seeds derive from). In that copy `dotnet test`
# grades exercises/, and no oracle and no secret exists in any form, source or compiled.
set -euo pipefail

out=${1:-}
if [ -z "$out" ]; then
  echo "usage: tools/student-copy.sh <new-folder>" >&2
  exit 2
fi
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "student-copy: $out exists and is not empty; give a new folder so nothing is overwritten." >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)

cd "$root"
git ls-files --cached --others --exclude-standard -z \
  | grep -zv -E '^(solutions/|src/Checks\.Hidden/|tests/Grader\.Tests/|tools/student-copy\.sh$|tools/Mutate/|tools/SeedSweep/|\.ci/|\.autograder/)' \
  | xargs -0 cp --parents -t "$out"

cd "$out"
dotnet sln Autograder.sln remove \
  solutions/Autograder.Solutions.csproj \
  src/Checks.Hidden/Autograder.Checks.Hidden.csproj \
  tests/Grader.Tests/Autograder.Grader.Tests.csproj \
  tools/Mutate/Autograder.Mutate.csproj \
  tools/SeedSweep/SeedSweep.csproj >/dev/null

# The grader's project file names the hidden checks only under an Exists() condition; code and
# the solution file must not name them at all, and neither folder may exist.
leaks=$(grep -rlE 'Checks\.Hidden|Autograder\.Solutions|using Oracle' --include='*.cs' --include='*.sln' . || true)
for folder in solutions src/Checks.Hidden .autograder; do
  if [ -e "$folder" ]; then leaks="$leaks $folder/"; fi
done
# Nor may any file hold the course secret (64 hex digits), whatever its name.
if [ -f "$root/.autograder/course-secret" ]; then
  key=$(tr -d '[:space:]' < "$root/.autograder/course-secret")
  if [ -n "$key" ]; then
    holders=$(grep -rliF -e "$key" . || true)
    if [ -n "$holders" ]; then leaks="$leaks $holders"; fi
  fi
fi
if [ -n "$leaks" ]; then
  echo "student-copy: these files still point at solutions or hidden checks:" >&2
  echo "$leaks" >&2
  exit 1
fi
echo "student copy written to $out"
