#!/usr/bin/env bash
# Compile the test DTS of every board, board/NAME/dynamic-test.dts, against
# the kernel tree's includes into build/dtb/NAME-dynamic-test.dtb (with
# __symbols__, so that overlays can refer to labels).
. "$(dirname "$0")/common.sh"

mkdir -p "$BUILD/dtb"
for src in "$ROOT"/board/*/dynamic-test.dts; do
	name=$(basename "$(dirname "$src")")
	"$ROOT/scripts/dtc-compile.sh" "$src" "$(board_dtb "$name")"
done
