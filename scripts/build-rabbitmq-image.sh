#!/usr/bin/env bash
# Builds a RabbitMQ image locally from Debian packages, for machines that cannot pull images
# from a registry: debootstrap a minimal bookworm, install rabbitmq-server with the management
# plugin, import the tree as an image. Skips the work when the image already exists.
set -euo pipefail
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
IMAGE="${WORKFLOW_RABBITMQ_IMAGE:-workflow/rabbitmq:3.10-debian}"

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "[rabbitmq-image] $IMAGE already exists"; exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! command -v debootstrap >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq debootstrap >/dev/null
fi

root="$(mktemp -d /tmp/workflow-rabbitmq-rootfs.XXXXXX)"
trap 'rm -rf "$root"' EXIT
# Use the machine's own Debian mirror (deb822 "URIs:" or one-line "deb" entries, never comments).
mirror="$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
  | grep -oE 'https?://[^ ]+' | grep -v security | head -n1 || true)"
mirror="${mirror:-http://deb.debian.org/debian}"

echo "[rabbitmq-image] debootstrap bookworm from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
# Keep package scripts from trying to start services inside the chroot.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"; chmod +x "$root/usr/sbin/policy-rc.d"
chroot "$root" apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null
chroot "$root" rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
rm -f "$root/usr/sbin/policy-rc.d"
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/lib/rabbitmq/mnesia/*

echo "[rabbitmq-image] importing $IMAGE"
tar -C "$root" -c . | docker import \
  -c 'ENV HOME=/var/lib/rabbitmq' \
  -c 'ENV RABBITMQ_LOGS=-' \
  -c 'EXPOSE 5672 15672' \
  -c 'CMD ["/usr/sbin/rabbitmq-server"]' \
  - "$IMAGE" >/dev/null
echo "[rabbitmq-image] built $IMAGE"
