# shellcheck shell=bash
# Shared paths and settings for the harness scripts. Source it; do not run it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
KSRC=${KSRC:-$BUILD/linux}           # git tree: pristine base + the series (tests: another tree)

# The kernel base, named here only: Debian's linux-source-7.3 package from
# trixie-backports, fetched through a private apt configuration under
# build/apt (scripts/fetch-kernel-source.sh). Another Debian package:
# KBASE_PKG=linux-source-7.4 KBASE_SUITE=...; a kernel git checkout instead:
# make tree KERNEL_TREE=/path/to/linux [KERNEL_REF=v7.3].
KBASE_PKG=${KBASE_PKG:-linux-source-7.3}
KBASE_SUITE=${KBASE_SUITE:-trixie-backports}
KBASE_MIRROR=${KBASE_MIRROR:-http://deb.debian.org/debian}
SERIES_DIR=${SERIES_DIR:-$ROOT/patches/linux}  # the exported series (tests: another folder)
SERIES_VERSION=v7                    # the [PATCH v7 ...] of the exported series
DTS_SERIES_DIR=$ROOT/patches/dt-schema
VENV=$BUILD/venv

# The board the guest boots: board/<BOARD>/ holds its settings (board.sh:
# QEMU machine, flash size, extra QEMU devices), its test DTS
# (dynamic-test.dts) and the paths of its dynamic nodes for the in-guest
# tests (nodes.sh). The suites that run on every board loop over BOARDS.
BOARD=${BOARD:-ast2500}
BOARDS=${BOARDS:-ast2500 ast2600}
BOARD_DIR=$ROOT/board/$BOARD
[ -f "$BOARD_DIR/board.sh" ] || { echo "no board \"$BOARD\" (board/*/board.sh)" >&2; exit 1; }
# shellcheck source=../board/ast2500/board.sh
. "$BOARD_DIR/board.sh"

export ARCH=arm
export CROSS_COMPILE=${CROSS_COMPILE:-arm-linux-gnueabihf-}
# ccache lives outside build/, so that a fresh clone on the same machine (CI)
# reuses it; CCACHE_DIR=<empty dir> measures a cold build.
export CCACHE_DIR=${CCACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/dynamic-dt-ccache}
# Paths below the clone hash as relative ones: hits across clone locations.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$ROOT}
export KBUILD_BUILD_TIMESTAMP='2024-01-01'
export KBUILD_BUILD_USER=bmc KBUILD_BUILD_HOST=harness
export PYTHONDONTWRITEBYTECODE=1

JOBS=${JOBS:-$(nproc)}

log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# as_root CMD...: run CMD as root (directly, or through sudo).
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The teeth flavours (teeth, kasan-teeth: tests/suites/teeth.sh) build
# the configuration of test or kasan from a copy of the tree with a leak
# (tests/teeth/leak.patch), a git worktree at build/teeth/linux, into
# build/teeth/kernel-FLAVOUR: the same path from the output directory to
# the source as build/kernel-test has to build/linux, so that ccache finds
# the objects the test or KASAN kernel compiled.
TEETH_SRC=$BUILD/teeth/linux
# kernel_out NAME: output directory of one kernel flavour (test, demo).
kernel_out() {
	case $1 in
	teeth | *-teeth) echo "$BUILD/teeth/kernel-$1" ;;
	*) echo "$BUILD/kernel-$1" ;;
	esac
}
# kernel_src NAME: the source tree one kernel flavour builds from
kernel_src() {
	case $1 in
	teeth | *-teeth) echo "$TEETH_SRC" ;;
	*) echo "$KSRC" ;;
	esac
}

# board_dtb [BOARD]: the test DTB of BOARD (default: $BOARD)
board_dtb() { echo "$BUILD/dtb/${1:-$BOARD}-dynamic-test.dtb"; }

# armel_debs DIR PKG...: download Debian's armel builds of PKG... into DIR
# (the guest, an ARMv6 ARM1176, runs armel, ARMv5, binaries; armhf needs
# ARMv7), adding the armel architecture to dpkg first if needed.
armel_debs() {
	local dir=$1
	shift
	dpkg --print-foreign-architectures | grep -qx armel || {
		log "adding the armel architecture to dpkg"
		as_root dpkg --add-architecture armel
		as_root apt-get update -qq
	}
	log "fetching armel packages: $*"
	(cd "$dir" && apt-get download -qq "${@/%/:armel}" 2>/dev/null) || {
		as_root apt-get update -qq
		(cd "$dir" && apt-get download -qq "${@/%/:armel}")
	}
}

# install_debs PKG...: install those of the Debian packages that are missing
install_debs() {
	local p missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -gt 0 ] || return 0
	log "installing Debian packages: ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null
}
