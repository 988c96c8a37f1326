#!/bin/bash
# A sharded sweep as a Slurm job array (docs/scale-out.md): task i runs shard i of 20 and writes
# parts/part-i.json; a merge job that depends on the whole array then writes parts/merged.json.
# Keep 20 in step: --array=0-19 and --shard auto/20 (k8s-indexed-job.yaml's completions too);
# test/unit/repo/deploy-assets.test.ts checks it.
#
#   bash slurm-array.sh     submits the array and the merge after it (from the folder holding scenario/)
#   sbatch slurm-array.sh   submits the array only (mkdir -p parts/logs first: Slurm opens the logs
#                           before a task runs); merge by hand: headroom merge parts/part-*.json --out parts/merged.json
#
# HEADROOM is how to start the CLI here: `headroom` on the PATH (npm install -g), or the image,
# e.g. HEADROOM="apptainer run headroom-cli.sif" (built from docker-daemon://headroom-cli:0.1.0).
#SBATCH --job-name=headroom-sweep
#SBATCH --array=0-19%10
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=parts/logs/%x-%A_%a.out
set -euo pipefail
HEADROOM=${HEADROOM:-headroom}

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  # Submitting: the array, then the merge once every task has succeeded (afterok on an array
  # waits for all its tasks). The merge's command is expanded now, its glob when it runs.
  mkdir -p parts/logs
  array=$(sbatch --parsable "$0")
  array=${array%%;*}
  sbatch --parsable --job-name=headroom-merge --dependency="afterok:${array}" --cpus-per-task=1 --mem=2G \
    --output=parts/logs/%x-%j.out \
    --wrap="$HEADROOM merge parts/part-*.json --out parts/merged.json"
  echo "submitted array ${array} and its merge"
  exit 0
fi

# One core per task, so --threads 1 (Node counts the node's cores, not the allocation).
$HEADROOM sweep scenario/scenario.json \
  --set 'serving.services[0].replicas=8:27' \
  --set 'serving.services[0].arrivals.rate_rps=800:1750:50' \
  --replications 20 --seed 1 --threads 1 \
  --shard auto/20 --out "parts/part-${SLURM_ARRAY_TASK_ID}.json"
