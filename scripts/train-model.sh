#!/usr/bin/env bash
# Retrains the classify service's shipped model (services/Classify/models/tickets.zip and its
# card) from the IT service-desk tickets, holding out a fifth to score it.
# Usage: scripts/train-model.sh [path/to/train.csv]   (default: ../shared/datasets/it-service-tickets/train.csv)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/datasets/it-service-tickets/train.csv}"
dotnet build "$root/services/Classify" -c Release -nologo -clp:ErrorsOnly
dotnet "$root/services/Classify/bin/Release/net10.0/Workflow.Classify.dll" model train \
  --data "$data" --model "$root/services/Classify/models/tickets.zip" --held-out 0.2
