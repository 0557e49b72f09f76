#!/usr/bin/env bash
# Adds an EF Core migration to one service for every database provider it supports.
# Usage: scripts/add-migration.sh <Service> <MigrationName>    e.g. scripts/add-migration.sh Ingest AddTimeline
set -euo pipefail
service="$1"; name="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/services/$service"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --context "${provider}${service}DbContext" --output-dir "Data/Migrations/$provider"
done
rm -f design-time.db
