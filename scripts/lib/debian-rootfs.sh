# Sourced by the scripts that build images from Debian packages where no registry can be
# reached: a minimal bookworm tree in a folder, and apt-get inside it without starting services.

# The machine's own Debian mirror (deb822 "URIs:" or one-line "deb" entries, never comments).
debian_mirror() {
  local mirror
  mirror="$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | grep -v security | head -n1 || true)"
  echo "${mirror:-http://deb.debian.org/debian}"
}

# debootstrap_rootfs DIR: a minimal bookworm in DIR (installs debootstrap first when missing).
debootstrap_rootfs() {
  export DEBIAN_FRONTEND=noninteractive
  command -v debootstrap >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
  local mirror; mirror="$(debian_mirror)"
  echo "[rootfs] debootstrap bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$1" "$mirror" >/dev/null
}

# chroot_install DIR PACKAGE...: installs packages in DIR, keeping their scripts from starting services.
chroot_install() {
  local root="$1"; shift
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"; chmod +x "$root/usr/sbin/policy-rc.d"
  chroot "$root" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  rm -f "$root/usr/sbin/policy-rc.d"
  chroot "$root" apt-get clean
}
