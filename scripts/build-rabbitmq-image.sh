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

source "$(dirname "$0")/lib/debian-rootfs.sh"
root="$(mktemp -d /tmp/workflow-rabbitmq-rootfs.XXXXXX)"
trap 'rm -rf "$root"' EXIT
debootstrap_rootfs "$root"
chroot_install "$root" rabbitmq-server
chroot "$root" rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/lib/rabbitmq/mnesia/*

echo "[rabbitmq-image] importing $IMAGE"
tar -C "$root" -c . | docker import \
  -c 'ENV HOME=/var/lib/rabbitmq' \
  -c 'ENV RABBITMQ_LOGS=-' \
  -c 'EXPOSE 5672 15672' \
  -c 'CMD ["/usr/sbin/rabbitmq-server"]' \
  - "$IMAGE" >/dev/null
echo "[rabbitmq-image] built $IMAGE"
