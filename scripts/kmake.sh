#!/usr/bin/env bash
# Run make in build/linux (kernel_src: the teeth tree for a teeth flavour)
# for one kernel flavour with the harness's
# cross-compilation settings, e.g.: scripts/kmake.sh test drivers/of/
. "$(dirname "$0")/common.sh"
flavour=${1:?usage: kmake.sh FLAVOUR [make args...]}
shift
cc="ccache ${CROSS_COMPILE}gcc"
command -v ccache >/dev/null || cc="${CROSS_COMPILE}gcc"
exec make -C "$(kernel_src "$flavour")" O="$(kernel_out "$flavour")" CC="$cc" -j"$JOBS" "$@"
