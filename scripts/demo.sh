#!/usr/bin/env bash
# make demo [BOARD=ast2600]: the out-of-band BIOS flash handover on QEMU's
# AST2500 BMC (or AST2600), end to end. Builds what is missing, boots the
# patched kernel, attaches the host flash, writes a new image, verifies it,
# detaches, then checks on the host that the QEMU backing file of the flash
# holds the image.
. "$(dirname "$0")/common.sh"
. "$ROOT/tests/lib.sh"

say() { printf 'demo: %s\n' "$*"; }
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/prepare-tree.sh"
"$ROOT/scripts/build-kernel.sh" test
"$ROOT/scripts/build-dtb.sh"

work=$BUILD/demo/$BOARD
"$ROOT/scripts/guest-files.sh" "$work/files"
rm -f "$work/host-flash.img"
say "new BIOS image: $(cut -c1-16 "$work/files/bios.img.sha256")... ($(stat -c %s "$work/files/bios.img") bytes)"
say "booting QEMU $BOARD_MACHINE; host flash backed by ${work#"$ROOT"/}/host-flash.img"

GUEST_FILES=$work/files GUEST_FLASH=$work/host-flash.img \
	guest_console "$work/console.log" "$ROOT/tests/guest/handover.sh"
rc=$GUEST_RC

size=$(stat -c %s "$work/files/bios.img")
want=$(cut -d' ' -f1 "$work/files/bios.img.sha256")
got=$(head -c "$size" "$work/host-flash.img" | sha256sum | cut -d' ' -f1)
# the same strict verdicts as make check: a skipped step is not a pass
ktap_verdicts "$work/console.log" >"$work/verdicts"
steps=$(grep -c '^PASS' "$work/verdicts" || true)
failed=$(grep -vc '^PASS' "$work/verdicts" || true)
grep -v '^PASS' "$work/verdicts" | sed 's/^/demo: /' || true
if [ "$rc" -eq 0 ] && [ "$got" = "$want" ] && [ "$failed" -eq 0 ] && [ "$steps" -gt 0 ]; then
	say "OK host flash attached, written, verified and released; backing file sha256 ${got:0:16}... matches; $steps checks passed"
	exit 0
fi
say "FAILED guest exit $rc, $failed check(s) failed or skipped, backing file sha256 ${got:0:16}... (want ${want:0:16}...)"
exit 1
