#!/usr/bin/env bash
# Build a kernel flavour from build/linux into build/kernel-<flavour>:
# aspeed_g5_defconfig + board/config/bmc.config (+ board/config/<flavour>.config
# when it exists; kasan also takes debug.config), then zImage and the DTBs
# the tests use. A teeth flavour (teeth, FLAVOUR-teeth) has the
# configuration of test (FLAVOUR) and builds from the teeth tree
# (kernel_src and kernel_out in common.sh; tests/suites/teeth.sh prepares it).
# Usage: build-kernel.sh [FLAVOUR]      (default: test)
. "$(dirname "$0")/common.sh"

flavour=${1:-test}
out=$(kernel_out "$flavour")
src=$(kernel_src "$flavour")
config=${flavour%-teeth}
[ "$config" = teeth ] && config="test"
[ -d "$src" ] || die "no source tree at $src"
mkdir -p "$out" "$CCACHE_DIR"
frags=("$ROOT/board/config/bmc.config")
# the KASAN kernel is the debug kernel plus KASAN
[ "$config" = kasan ] && frags+=("$ROOT/board/config/debug.config")
[ -f "$ROOT/board/config/$config.config" ] && frags+=("$ROOT/board/config/$config.config")

mk() { "$ROOT/scripts/kmake.sh" "$flavour" -s "$@"; }

# one kernel build at a time on this machine (2 cores): wait for another
# one to finish
exec 9>"$BUILD/.kernel-build.lock"
flock 9

# Regenerate .config only when the inputs changed.
# (The Kconfig files count too: a commit of the series may add an option.)
stamp=$( (cat "$src/arch/arm/configs/aspeed_g5_defconfig" "${frags[@]}"
	git -C "$src" ls-files -s -- '*Kconfig*' 2>/dev/null) | sha256sum | cut -c1-16)
if [ "$(cat "$out/.config-inputs" 2>/dev/null)" != "$stamp" ] || [ ! -f "$out/.config" ]; then
	mk aspeed_g5_defconfig >/dev/null
	"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "${frags[@]}" >/dev/null
	mk olddefconfig >/dev/null
	# Every "=y" the fragments ask for must survive olddefconfig: a lost
	# option would turn its tests into silent skips. (bisect-build builds
	# early commits of the series, which lack the series' own options:
	# ALLOW_MISSING lists those.)
	lost=0
	for f in "${frags[@]}"; do
		while read -r want; do
			grep -qx "$want" "$out/.config" && continue
			case " ${ALLOW_MISSING:-} " in *" ${want%=y} "*) continue ;; esac
			log "error: $want (from ${f##*/}) did not stick"
			lost=1
		done < <(grep -E '^CONFIG_[A-Z0-9_]+=y' "$f")
	done
	[ "$lost" = 0 ] || { rm -f "$out/.config-inputs"; die "kernel configuration incomplete"; }
	echo "$stamp" >"$out/.config-inputs"
fi

# the DTBs of every board's machine (dtbs-check baselines, P5) and the
# DTB the series changes
dtbs=$(for b in "$ROOT"/board/*/board.sh; do (. "$b" && echo "$BOARD_KERNEL_DTB"); done)
log "building $flavour kernel in ${out#"$ROOT"/}"
# shellcheck disable=SC2086
mk zImage $dtbs aspeed/aspeed-bmc-asrock-e3c246d4i.dtb ||
	die "kernel build failed"
[ -f "$out/arch/arm/boot/zImage" ] || die "no zImage"
