#!/usr/bin/env bash
# Riser cards (issue 14): one boot of the test kernel per card in the slot
# (board/ast2500/riser.sh plugs it into QEMU), each running tests/guest/riser.sh:
# identify the card from its EEPROM, bring its variant up and down with
# real drivers (pca954x, lm75, tmp421, aspeed_adc), refuse the other variant,
# RISER_CYCLES cycles, nothing left behind; then the kernel log scan.
# the riser slot is the AST2500 test board's
export BOARD=ast2500
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

work=$BUILD/tmp/riser
"$ROOT/scripts/guest-files.sh" "$work/files" >/dev/null
[ -n "${RISER_CYCLES:-}" ] && echo "RISER_CYCLES=$RISER_CYCLES" >>"$work/files/env"
for card in ${RISER_CARDS:-a b}; do
	GUEST_RISER=$card GUEST_FILES=$work/files GUEST_TIMEOUT=900 \
		guest_boot "$work/console-$card.log" "$ROOT/tests/guest/run-riser.sh" "run-riser.sh (card $card)"
done
suite_summary
