#!/usr/bin/env bash
# Makes sure a container registry answers on localhost:5000 (Debian's docker-registry), for the
# images this machine builds: no registry outside can be reached here. Idempotent.
set -euo pipefail
if curl -fsS http://localhost:5000/v2/ >/dev/null 2>&1; then exit 0; fi

if ! command -v docker-registry >/dev/null 2>&1; then
  echo "[ensure-registry] installing docker-registry (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker-registry >/dev/null
fi

# Our own configuration: on loopback only, no authentication (the package's asks for htpasswd).
data=/var/lib/workflow-registry
mkdir -p "$data" /var/log
cat > "$data/config.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
YAML
echo "[ensure-registry] starting docker-registry on localhost:5000"
# The package's service starts only under systemd; run the binary directly.
nohup docker-registry serve "$data/config.yml" >/var/log/workflow-registry.log 2>&1 &
for _ in $(seq 1 30); do
  if curl -fsS http://localhost:5000/v2/ >/dev/null 2>&1; then echo "[ensure-registry] registry is up"; exit 0; fi
  sleep 1
done
echo "[ensure-registry] the registry did not answer within 30 s; see /var/log/workflow-registry.log" >&2
tail -n 20 /var/log/workflow-registry.log >&2 || true
exit 1
