#!/usr/bin/env bash
# Compile one DTS that includes kernel DTS files (as board/*/dynamic-test.dts do) into
# a DTB, with __symbols__. Usage: dtc-compile.sh SRC.dts OUT.dtb
. "$(dirname "$0")/common.sh"

src=${1:?usage: dtc-compile.sh SRC.dts OUT.dtb}
out=${2:?usage: dtc-compile.sh SRC.dts OUT.dtb}
dtc=$(kernel_out test)/scripts/dtc/dtc
[ -x "$dtc" ] || dtc=dtc
cpp -nostdinc -undef -x assembler-with-cpp -D__DTS__ \
	-I "$(dirname "$src")" -I "$KSRC/include" -I "$KSRC/arch/arm/boot/dts" \
	-I "$KSRC/arch/arm/boot/dts/aspeed" -I "$KSRC/scripts/dtc/include-prefixes" \
	-o "$out.tmp" "$src"
"$dtc" -q -@ -I dts -O dtb -o "$out" "$out.tmp"
rm -f "$out.tmp"
