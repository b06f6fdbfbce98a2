#!/usr/bin/env bash
# The tools OpenBMC uses for a host flash update, for the guest: flashcp
# (mtd-utils), flashrom, and libgpiod's gpioset/gpioget/gpiofind for the mux
# (1.6, bookworm's: the GPIO character device's v1 interface, which the test
# kernel enables with CONFIG_GPIO_CDEV_V1), Debian's armel binaries
# unchanged, with the shared libraries they
# load and the dynamic loader, in build/guest/tools (guest-run.sh adds that
# tree to the initramfs). Fails if a binary needs a library that none of the
# packages below provides. Idempotent: nothing happens when the tree matches
# the package list.
. "$(dirname "$0")/common.sh"

PKGS=(mtd-utils flashrom gpiod libc6 libftdi1-2 libjaylink0 libpci3
      libusb-1.0-0 libudev1 zlib1g libgpiod2)
BINS=(usr/sbin/flashcp usr/sbin/flashrom usr/bin/gpioset usr/bin/gpioget
      usr/bin/gpiofind usr/bin/gpioinfo)
LIBDIR=lib/arm-linux-gnueabi

out=$BUILD/guest/tools
stamp="${PKGS[*]} ${BINS[*]}"
[ "$(cat "$out/.packages" 2>/dev/null)" = "$stamp" ] && exit 0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
armel_debs "$tmp" "${PKGS[@]}"
for deb in "$tmp"/*.deb; do
	dpkg-deb -x "$deb" "$tmp/x"
done

rm -rf "$out"
mkdir -p "$out/$LIBDIR" "$out/usr/sbin" "$out/usr/bin"
# needed FILE: the sonames FILE links against
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
todo=()
for b in "${BINS[@]}"; do
	install -m 0755 "$tmp/x/$b" "$out/$b"
	todo+=("$tmp/x/$b")
done
declare -A seen=()
while [ ${#todo[@]} -gt 0 ]; do
	f=${todo[0]}
	todo=("${todo[@]:1}")
	for so in $(needed "$f"); do
		[ -n "${seen[$so]:-}" ] && continue
		seen[$so]=1
		src=$(find "$tmp/x/lib" "$tmp/x/usr/lib" -name "$so" 2>/dev/null | head -n 1)
		[ -n "$src" ] || die "no package in PKGS provides $so (needed by ${f#"$tmp"/x/})"
		# the real file, under its soname
		install -m 0755 "$(readlink -f "$src")" "$out/$LIBDIR/$so"
		todo+=("$(readlink -f "$src")")
	done
done
# The loader at the path the binaries name (PT_INTERP)
mkdir -p "$out/lib"
mv "$out/$LIBDIR/ld-linux.so.3" "$out/lib/ld-linux.so.3"
echo "$stamp" >"$out/.packages"
log "guest tools: ${BINS[*]##*/} with ${#seen[@]} libraries ($(du -sh "$out" | cut -f1))"
