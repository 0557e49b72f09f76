#!/usr/bin/env bash
# Builds the services' container images with the .NET SDK (dotnet publish -t:PublishContainer)
# and pushes them to a registry: workflow/{ingest,extract,classify,route,notify}:<version>.
# The same image runs the service and, with the argument "migrate", its migration Job.
# Usage: scripts/build-images.sh <version> [service ...]      e.g. scripts/build-images.sh 1.4.0
#   WORKFLOW_REGISTRY         where to push (default localhost:5000, started here if it is not running)
#   WORKFLOW_BASE_IMAGE       the runtime base image (default: the official ASP.NET image, pinned;
#                             built locally by scripts/build-base-images.sh when it cannot be pulled)
#   WORKFLOW_OCR_BASE_IMAGE   extract's base (the runtime plus tesseract; built when not given)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version="${1:?usage: scripts/build-images.sh <version> [service ...]}"; shift
services=("$@"); [ ${#services[@]} -gt 0 ] || services=(ingest extract classify route notify)
registry="${WORKFLOW_REGISTRY:-localhost:5000}"
runtime="$(dotnet --list-runtimes | awk '/^Microsoft.AspNetCore.App/ {print $2}' | sort -V | tail -n1)"
official="mcr.microsoft.com/dotnet/aspnet:${runtime}-bookworm-slim"

bash scripts/ensure-docker.sh
case "$registry" in localhost:*) bash scripts/ensure-registry.sh ;; esac

base="${WORKFLOW_BASE_IMAGE:-}"
ocr_base="${WORKFLOW_OCR_BASE_IMAGE:-}"
if [ -z "$base" ] || [ -z "$ocr_base" ]; then
  if docker pull "$official" >/dev/null 2>&1; then
    base="${base:-$official}"
    if [ -z "$ocr_base" ]; then
      ocr_base="$registry/workflow/aspnet-ocr:$runtime"
      docker build -q -f deploy/images/ocr-base.Dockerfile --build-arg "BASE=$base" -t "$ocr_base" deploy/images >/dev/null
      docker push "$ocr_base" >/dev/null
    fi
  else
    echo "[images] $official cannot be pulled here: building local base images"
    bash scripts/build-base-images.sh "$registry"
    base="${base:-$registry/workflow/aspnet:$runtime}"
    ocr_base="${ocr_base:-$registry/workflow/aspnet-ocr:$runtime}"
  fi
fi

for service in "${services[@]}"; do
  name="$(tr '[:lower:]' '[:upper:]' <<< "${service:0:1}")${service:1}"
  echo "[images] $registry/workflow/$service:$version (base $([ "$service" = extract ] && echo "$ocr_base" || echo "$base"))"
  if ! log="$(dotnet publish "services/$name/Workflow.$name.csproj" -c Release -t:PublishContainer --nologo -v:q \
      -p:WorkflowBaseImage="$base" -p:WorkflowOcrBaseImage="$ocr_base" \
      -p:ContainerRegistry="$registry" -p:ContainerImageTags="$version" 2>&1)"; then
    echo "$log" >&2
    echo "[images] publishing $service failed" >&2
    exit 1
  fi
done
echo "[images] built ${services[*]} as $registry/workflow/<service>:$version"
