#!/usr/bin/env bash
# Compile board/dts/*.dts against the kernel tree's includes into
# build/dtb/*.dtb (with __symbols__, so that overlays can refer to labels).
. "$(dirname "$0")/common.sh"

dtc=$(kernel_out test)/scripts/dtc/dtc
[ -x "$dtc" ] || dtc=dtc
mkdir -p "$BUILD/dtb"
for src in "$ROOT"/board/dts/*.dts; do
	name=$(basename "$src" .dts)
	cpp -nostdinc -undef -x assembler-with-cpp -D__DTS__ \
		-I "$KSRC/include" -I "$KSRC/arch/arm/boot/dts" \
		-I "$KSRC/scripts/dtc/include-prefixes" \
		-o "$BUILD/dtb/$name.dts.tmp" "$src"
	"$dtc" -q -@ -I dts -O dtb -o "$BUILD/dtb/$name.dtb" "$BUILD/dtb/$name.dts.tmp"
done
