#!/usr/bin/env bash
# Install what the harness needs on a fresh Debian 12 machine. Idempotent, and
# quick when nothing is missing. Prints what it installs.
. "$(dirname "$0")/common.sh"

# (the armel compiler builds make bench's static timing helper for the guest)
DEBS=(gcc-arm-linux-gnueabihf gcc-arm-linux-gnueabi libc6-dev-armel-cross qemu-system-arm
      device-tree-compiler flex bison bc libssl-dev libelf-dev cpio ccache
      rsync kmod xz-utils python3-venv python3-dev git make gcc perl file patch
      dwarves)
# (dwarves: pahole, for the struct-sizes suite)

install_debs "${DEBS[@]}"

# Guest userspace: the AST2500 is an ARMv6 ARM1176, so take armel (ARMv5)
# binaries; armhf needs ARMv7.
BB=$BUILD/guest/busybox
if [ ! -x "$BB" ]; then
	tmp=$(mktemp -d)
	armel_debs "$tmp" busybox-static
	dpkg-deb -x "$tmp"/busybox-static_*_armel.deb "$tmp/x"
	mkdir -p "${BB%/*}"
	install -m 0755 "$tmp/x/bin/busybox" "$BB"
	rm -rf "$tmp"
fi

# OpenBMC's flash tools for the guest (flashcp, flashrom), Debian's armel
# builds with their libraries.
"$ROOT/scripts/setup-guest-tools.sh"

# Python tools for the tests: the patched dtschema, yamllint, pytest.
if [ ! -x "$VENV/bin/python" ]; then
	log "creating $VENV"
	python3 -m venv "$VENV"
fi
"$ROOT/scripts/setup-dtschema.sh"
