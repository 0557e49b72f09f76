#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: installs Debian's docker.io and starts
# dockerd when none is running. Idempotent; safe to run on every test run.
set -euo pipefail
# Debian's engine (20.10) speaks API 1.41 at most; newer clients and Testcontainers ask for more.
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"

if docker info >/dev/null 2>&1; then exit 0; fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "[ensure-docker] installing docker.io (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  echo "[ensure-docker] starting dockerd"
  mkdir -p /var/log
  nohup dockerd >/var/log/workflow-dockerd.log 2>&1 &
fi

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then echo "[ensure-docker] engine is up"; exit 0; fi
  sleep 1
done
echo "[ensure-docker] dockerd did not answer within 60 s; see /var/log/workflow-dockerd.log" >&2
tail -n 30 /var/log/workflow-dockerd.log >&2 || true
exit 1
