#!/usr/bin/env bash
# The run command: the broker, the databases and the five services, on http://localhost:5080.
# Uses ConnectionStrings__rabbitmq when set, else a Docker engine when one runs, else a private
# rabbitmq-server node (installed here from Debian's packages when missing). Ctrl+C stops it all.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ -z "${ConnectionStrings__rabbitmq:-}" ] && ! docker info >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
  echo "[run] installing rabbitmq-server (Debian package)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq rabbitmq-server >/dev/null
fi

# OCR for images and scanned PDFs; extract runs without it (such documents then fail, saying why).
bash scripts/ensure-ocr.sh || echo "[run] tesseract could not be installed: images and scans will fail with 'OCR not available'"

export MASSTRANSIT_USAGE_TELEMETRY=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project AppHost -- "$@"
