#!/usr/bin/env bash
# Compile board/dts/*.dts against the kernel tree's includes into
# build/dtb/*.dtb (with __symbols__, so that overlays can refer to labels).
. "$(dirname "$0")/common.sh"

mkdir -p "$BUILD/dtb"
for src in "$ROOT"/board/dts/*.dts; do
	"$ROOT/scripts/dtc-compile.sh" "$src" "$BUILD/dtb/$(basename "$src" .dts).dtb"
done
