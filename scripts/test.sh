#!/usr/bin/env bash
# The test command. On a fresh Debian machine it first installs and starts what the tests
# need (Docker engine, a locally built RabbitMQ image, tesseract for OCR, Node.js for the manifest
# schemas, a local image registry), then builds and runs every test.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
started=$(date +%s)

bash scripts/ensure-docker.sh
bash scripts/ensure-ocr.sh
# The manifest tests validate with kubernetes-models (npm); the image test uses a local registry.
if ! command -v npm >/dev/null 2>&1; then
  echo "[test] installing nodejs and npm (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
fi
(cd deploy/k8s/validate && npm ci --no-audit --no-fund --silent)
bash scripts/ensure-registry.sh
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
if [ -z "${WORKFLOW_RABBITMQ_IMAGE:-}" ]; then
  # No registry can be reached here: build the broker image from Debian packages (once).
  export WORKFLOW_RABBITMQ_IMAGE=workflow/rabbitmq:3.10-debian
  bash scripts/build-rabbitmq-image.sh
fi
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1}"
export MASSTRANSIT_USAGE_TELEMETRY=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Workflow.sln -nologo -clp:ErrorsOnly
log="$(mktemp)"
# One test assembly at a time: the end-to-end tests run six processes and a broker on two cores.
set +e
dotnet test Workflow.sln --no-build -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
echo "test command took $(( $(date +%s) - started )) s"
rm -f "$log"
exit "$status"
