#!/usr/bin/env bash
# Builds the services' base images locally, for machines that cannot pull the official ASP.NET
# runtime image: a minimal Debian bookworm (debootstrap) with this machine's .NET runtime
# (the same version the official image pins), the "app" user (uid 1654) the official images
# have, and a second image with tesseract for extract. Pushes both to the registry given
# (localhost:5000 by default). Skips an image the registry already has.
# Usage: scripts/build-base-images.sh [registry]
set -euo pipefail
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
registry="${1:-localhost:5000}"
runtime_version="$(dotnet --list-runtimes | awk '/^Microsoft.AspNetCore.App/ {print $2}' | sort -V | tail -n1)"
base="$registry/workflow/aspnet:$runtime_version"
ocr="$registry/workflow/aspnet-ocr:$runtime_version"

repo_has() { local image="${1#*/}"; curl -fsS "http://${registry}/v2/${image%:*}/manifests/${image##*:}" \
  -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' >/dev/null 2>&1; }

if repo_has "$base" && repo_has "$ocr"; then
  echo "[base-images] $base and $ocr already in the registry"; exit 0
fi

source "$(dirname "$0")/lib/debian-rootfs.sh"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
root="$(mktemp -d /tmp/workflow-base-rootfs.XXXXXX)"
trap 'rm -rf "$root"' EXIT
debootstrap_rootfs "$root"
chroot_install "$root" ca-certificates tzdata
chroot "$root" groupadd --gid 1654 app
chroot "$root" useradd --uid 1654 --gid 1654 --no-create-home --shell /usr/sbin/nologin app

echo "[base-images] .NET runtime $runtime_version from $dotnet_root"
mkdir -p "$root/usr/share/dotnet/shared" "$root/usr/share/dotnet/host"
cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$root/usr/share/dotnet/" 2>/dev/null || cp -a "$dotnet_root/dotnet" "$root/usr/share/dotnet/"
cp -a "$dotnet_root/host/fxr" "$root/usr/share/dotnet/host/"
for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  mkdir -p "$root/usr/share/dotnet/shared/$framework"
  cp -a "$dotnet_root/shared/$framework/$runtime_version" "$root/usr/share/dotnet/shared/$framework/"
done
ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"

import() { # rootfs image
  tar -C "$1" -c . | docker import \
    -c 'ENV APP_UID=1654' -c 'ENV ASPNETCORE_HTTP_PORTS=8080' -c 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
    -c 'ENV DOTNET_ROOT=/usr/share/dotnet' -c 'USER 1654' -c 'WORKDIR /app' - "$2" >/dev/null
  docker push "$2" >/dev/null
  echo "[base-images] pushed $2"
}

import "$root" "$base"

chroot_install "$root" tesseract-ocr tesseract-ocr-eng
rm -rf "$root"/var/lib/apt/lists/*
import "$root" "$ocr"
