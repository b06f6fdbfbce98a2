#!/usr/bin/env bash
# Proof from QEMU's own trace events, on each board (BOARDS), that the BMC
# leaves the host flash alone: no SPI command or data transfer reaches the
# SPI1 chip from power-on until "okay" is written, they do happen after
# it, and none happens once the "reserved" write has returned.
#
# Both m25p80 instances log "m25p80_binding" when QEMU realizes them, the
# FMC chip first, then the SPI1 chip (the order of aspeed_board_init_flashes
# in QEMU 7.2); they are told apart by the instance pointer in each event.
# Only command and transfer events are counted: binding, reset and
# deselect events happen at power-on for both chips.
#
# The mux (line BMC_SPI_SEL, pin 0 of the PCA9552 board/qemu.sh plugs in)
# is traced as pca955x_gpio_change. No command may reach the host flash
# while it selects the host: the first comes after the switch to the BMC,
# the last before the switch back. The guest drives the pin low for the
# BMC; QEMU before 9.0 reports the pin's level inverted (its input register
# bit is set for a pin driven low), so the trace shows 1 for the BMC there.
# The mux is not wired to the flash in QEMU: this proves the order of
# events, which is what userspace and the kernel control.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

events=$BUILD/tmp/trace-proof/events
mkdir -p "${events%/*}"
cat >"$events" <<'EOT'
m25p80_binding
m25p80_command_decoded
m25p80_transfer
m25p80_read_data
m25p80_read_sfdp
m25p80_page_program
m25p80_flash_erase
m25p80_chip_erase
aspeed_adc_engine_read
pca955x_gpio_change
EOT
qemu_major=$(qemu-system-arm --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
bmc_level=0
[ "${qemu_major:-0}" -lt 9 ] && bmc_level=1
for board in $BOARDS; do
	export BOARD=$board RESULT_PREFIX="$board: "
	work=$BUILD/tmp/trace-proof/$board
	mkdir -p "$work"
	rm -f "$work/trace.log"
	"$ROOT/scripts/guest-files.sh" "$work/files"
	set +e
	GUEST_FILES=$work/files QEMU_TRACE=$events QEMU_TRACE_LOG=$work/trace.log GUEST_TIMEOUT=300 \
		"$ROOT/scripts/guest-run.sh" "$ROOT/tests/guest/trace-phases.sh" >"$work/console.log" 2>&1
	rc=$?
	set -e
	if [ "$rc" -ne 0 ]; then
		tail -20 "$work/console.log"
		fail "guest attached and detached the host flash (exit $rc)"
		continue
	fi

	# Count command/transfer events per chip and per phase; phase N starts at
	# marker N (phase -1: power-on to the first marker).
	awk '
	BEGIN { mark["0x10"] = 0; mark["0x14"] = 1; mark["0x18"] = 2; mark["0x1c"] = 3 }
	/^m25p80_binding/ { if (!($2 in order)) order[$2] = ++chips; next }
	/^aspeed_adc_engine_read/ { phase = mark[$3]; markers++; next }
	/^m25p80_/ {
		if (!($2 in order)) next
		n[order[$2], (markers ? phase : -1)]++
	}
	END {
		printf "chips %d markers %d\n", chips, markers
		for (c = 1; c <= 2; c++)
			for (p = -1; p <= 3; p++)
				printf "chip%d phase%d %d\n", c, p, n[c, p] + 0
	}' "$work/trace.log" >"$work/counts"
	cat "$work/counts"

	# The mux: its switches, and the host flash commands while it selects the
	# host (it does from power-on until the first switch)
	awk -v bmc="$bmc_level" '
	/^m25p80_binding/ { if (!($2 in order)) order[$2] = ++chips; next }
	/^pca955x_gpio_change/ {
		if (!match($0, /id:[0-9]+/) || substr($0, RSTART + 3, RLENGTH - 3) != 0) next
		to = ($NF == bmc) ? "bmc" : "host"
		if (to != at) { switches = switches " " to; at = to }
		next
	}
	/^m25p80_/ {
		if (order[$2] != 2) next
		if (at == "bmc") with_bmc++; else with_host++
	}
	END { printf "mux%s\nhost-flash commands: %d with the mux at the BMC, %d at the host\n", switches, with_bmc, with_host }
	' at=host "$work/trace.log" >"$work/mux"
	cat "$work/mux"
	[ "$(head -n 1 "$work/mux")" = "mux bmc host" ] &&
		pass "trace: the mux (pca955x_gpio_change, pin 0) went to the BMC, then back to the host" ||
		fail "trace: the mux went to the BMC, then back to the host: $(head -n 1 "$work/mux")"
	awk '/^host-flash/ { exit !($3 > 0 && $10 == 0) }' "$work/mux" &&
		pass "trace: every host flash command came while the mux selected the BMC, none while it selected the host" ||
		fail "trace: host flash commands while the mux selected the host: $(tail -n 1 "$work/mux")"

	count() { awk -v k="$1 $2" '$1 " " $2 == k { print $3 }' "$work/counts"; }

	[ "$(awk '/^chips/ { print $2, $4 }' "$work/counts")" = "2 4" ] &&
		pass "trace: two flash chips and four markers seen" ||
		fail "trace: two flash chips and four markers seen"
	[ "$(count chip1 phase-1)" -gt 0 ] &&
		pass "trace: the first chip (FMC, BMC flash) was probed at boot: instances told apart" ||
		fail "trace: the first chip (FMC, BMC flash) was probed at boot: instances told apart"
	[ "$(count chip2 phase-1)" -eq 0 ] &&
		pass "trace: no command reached the host flash from power-on to the okay write" ||
		fail "trace: $(count chip2 phase-1) commands reached the host flash before okay"
	[ $(( $(count chip2 phase0) + $(count chip2 phase1) )) -gt 0 ] &&
		pass "trace: commands reach the host flash after okay ($(count chip2 phase0) while probing, $(count chip2 phase1) while reading)" ||
		fail "trace: commands reach the host flash after okay"
	[ "$(count chip2 phase3)" -eq 0 ] &&
		pass "trace: no command reached the host flash after the reserved write returned ($(count chip2 phase2) during it)" ||
		fail "trace: $(count chip2 phase3) commands reached the host flash after the reserved write returned"
done
suite_summary
