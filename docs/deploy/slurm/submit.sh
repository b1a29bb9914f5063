#!/bin/bash
# Queues the graded shards as one array job, then the merge, which waits for all of them.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p logs
array=$(sbatch --parsable grade-class.sbatch)
sbatch --dependency="afterok:$array" merge.sbatch
echo "queued: grade-class $array (4 shards), then merge-class"
