#!/usr/bin/env bash
# The in-guest tests, one boot per board (BOARDS: ast2500-evb and
# ast2600-evb): boot smoke test, the series' kselftest toggling the
# platform, I2C and SPI test nodes, the BIOS flash handover, and a scan of
# the kernel log. Then, on the host: the QEMU backing file of the host
# flash holds the image the guest wrote. Results are prefixed "<board>: ".
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

for board in $BOARDS; do
	export BOARD=$board RESULT_PREFIX="$board: "
	work=$BUILD/tmp/guest-suite/$board
	"$ROOT/scripts/guest-files.sh" "$work/files"
	rm -f "$work/host-flash.img"
	GUEST_FILES=$work/files GUEST_FLASH=$work/host-flash.img GUEST_TIMEOUT=1200 \
		guest_boot "$work/console.log" "$ROOT/tests/guest/run-all.sh"

	size=$(stat -c %s "$work/files/bios.img")
	want=$(cut -d' ' -f1 "$work/files/bios.img.sha256")
	got=$(head -c "$size" "$work/host-flash.img" | sha256sum | cut -d' ' -f1)
	if [ "$got" = "$want" ]; then
		pass "host: the QEMU backing file of the SPI1 flash holds the new image"
	else
		fail "host: the QEMU backing file of the SPI1 flash holds the new image ($got)"
	fi
done
suite_summary
