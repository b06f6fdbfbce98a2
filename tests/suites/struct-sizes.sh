#!/usr/bin/env bash
# What the series costs kernels that do not use it, in the structures every
# device tree node and sysfs file carries: the sizes of struct property,
# struct device_node, struct bin_attribute and struct attribute, read by
# pahole from drivers/of/kobj.o built with debug information, at "base" and
# at the tip of the series, on arm (the test kernel's configuration) and on
# x86_64 (defconfig with OF and OF_OVERLAY, and OF_DYNAMIC_STATUS where it
# exists). Each
# must be the same at both.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

STRUCTS=(property device_node bin_attribute attribute)
# kernel builds, one at a time (see scripts/build-kernel.sh)
exec 9>"$BUILD/.kernel-build.lock"
flock 9
work=$BUILD/tmp/struct-sizes
rm -rf "$work" && mkdir -p "$work"
command -v pahole >/dev/null || { fail "pahole (Debian's dwarves) is installed"; suite_summary; exit 0; }

# the base, in a worktree of its own, so that build/linux stays untouched
basetree=$BUILD/struct-sizes-base
if [ "$(git -C "$basetree" rev-parse HEAD 2>/dev/null)" != "$(git -C "$KSRC" rev-parse base)" ]; then
	git -C "$KSRC" worktree remove --force "$basetree" 2>/dev/null || rm -rf "$basetree"
	git -C "$KSRC" worktree prune
	git -C "$KSRC" worktree add -q --detach "$basetree" base
fi

# sizes SRC ARCH TAG: build kobj.o of SRC for ARCH with -g, print
# "struct size" lines into $work/TAG
sizes() {
	local src=$1 arch=$2 tag=$3 out=$BUILD/kernel-sizes-$3 cross=() s
	mkdir -p "$out"
	if [ "$arch" = arm ]; then
		cross=(ARCH=arm CROSS_COMPILE="$CROSS_COMPILE" CC="ccache ${CROSS_COMPILE}gcc")
		cp "$(kernel_out test)/.config" "$out/.config"
	else
		cross=(ARCH=x86_64 CROSS_COMPILE= CC="ccache gcc")
		make -s -C "$src" O="$out" "${cross[@]}" defconfig >/dev/null
		# the same options at both: OF_OVERLAY selects OF_DYNAMIC, which
		# OF_DYNAMIC_STATUS selects at the tip and which adds the flags
		# of struct property
		"$src/scripts/config" --file "$out/.config" --enable OF --enable OF_OVERLAY \
			--enable OF_DYNAMIC_STATUS
	fi
	make -s -C "$src" O="$out" "${cross[@]}" olddefconfig >/dev/null &&
	make -s -C "$src" O="$out" "${cross[@]}" -j"$JOBS" KCFLAGS=-g drivers/of/kobj.o \
		>"$work/$tag.log" 2>&1 || { tail -20 "$work/$tag.log"; return 1; }
	for s in "${STRUCTS[@]}"; do
		printf '%s %s\n' "$s" "$(pahole -C "$s" "$out/drivers/of/kobj.o" |
			sed -n 's|^\s*/\* size: \([0-9]*\),.*|\1|p')"
	done >"$work/$tag"
}

for arch in arm x86_64; do
	if ! sizes "$basetree" $arch $arch-base || ! sizes "$KSRC" $arch $arch-head; then
		fail "$arch: drivers/of/kobj.o builds with debug information at base and at the tip"
		continue
	fi
	for s in "${STRUCTS[@]}"; do
		b=$(sed -n "s/^$s //p" "$work/$arch-base")
		h=$(sed -n "s/^$s //p" "$work/$arch-head")
		if [ -n "$b" ] && [ "$b" = "$h" ]; then
			pass "$arch: struct $s is $h bytes, as at base"
		else
			fail "$arch: struct $s is ${h:-?} bytes, ${b:-?} at base"
		fi
	done
done
suite_summary
