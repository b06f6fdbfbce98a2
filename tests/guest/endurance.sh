#!/bin/sh
# In the guest: toggle the platform and the I2C test nodes many times, and
# the host flash as often as the time budget allows, and show that no slab
# cache keeps objects from the cycles once warmed up: the objects each
# cache gained are counted (slab_counts and leak_check in nodes.sh, with
# the one limit, LEAK_LIMIT objects per cycle). KTAP.
#
# Detaching the gpio-leds device drops its device link to the GPIO
# controller; device_link_wq releases links with synchronize_srcu(), so the
# workqueue pool starts workers while releases wait (a task and its
# objects each), and reaps idle ones only after five minutes. The warm-up
# lets the pool grow.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

CYCLES=${ENDURANCE_CYCLES:-2000}
FLASH_CYCLES=${ENDURANCE_FLASH_CYCLES:-200}

now() { cut -d' ' -f1 /proc/uptime; }
tasks() { ls -d /proc/[0-9]* | wc -l; }

# cycles NODE N: N okay/reserved cycles; fails on the first failed write
cycles() {
	i=0
	while [ "$i" -lt "$2" ]; do
		echo okay >"$PDT$1/status" && echo reserved >"$PDT$1/status" || return 1
		i=$((i + 1))
	done
}

# endure NAME NODE N WARMUP: after WARMUP cycles, N cycles in two halves,
# the slab counters read before, between and after them. A leak gains
# objects in both halves alike; what a warm-up leaves (pools and caches
# sized to the load) shows in the first half only. So the second half is
# judged (leak_check: no cache may gain LEAK_LIMIT objects per cycle), the
# first printed.
endure() {
	half=$(($3 / 2))
	cycles "$2" "$4" || { ktap_test_fail "$1: warm-up"; return; }
	slab_counts /tmp/slab.0
	tasks0=$(tasks)
	t0=$(now)
	cycles "$2" "$half" && {
		slab_counts /tmp/slab.1
		cycles "$2" "$half"
	}
	rc=$?
	t1=$(now)
	slab_counts /tmp/slab.2
	tasks1=$(tasks)
	ktap_print_msg "$1: $((2 * half)) cycles after $4 of warm-up in $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s," \
		"tasks $tasks0 -> $tasks1; slab objects gained in the first half, then in the second:"
	ok=0
	if [ "$rc" = 0 ]; then
		leak_check "$1, first half" /tmp/slab.0 /tmp/slab.1 "$half" print
		leak_check "$1, second half" /tmp/slab.1 /tmp/slab.2 "$half" && ok=1
	fi
	ktap_test_result "$1: $((2 * half)) okay/reserved cycles, no slab cache gains $LEAK_LIMIT objects per cycle in the second half" \
		[ "$ok" = 1 ]
}

ktap_print_header
ktap_set_plan 3
endure "platform (gpio-leds)" $LEDS "$CYCLES" 1000
endure "I2C (lm75)" $SENSOR "$CYCLES" 100
# flash_head FILE: write FILE (64 KiB) to the start of the host flash
flash_head() {
	echo okay >"$PDT$FLASH/status" && flashcp "$1" /dev/"$(bios_mtd)" &&
		echo reserved >"$PDT$FLASH/status"
}
if [ "${FLASH_CALIBRATION_SLOW:-0}" = 1 ]; then
	# The board's spi-aspeed-smc calibrates the read timing at each attach
	# when the first 16 KiB of the flash vary (board/*/nodes.sh): blank
	# them for the cycles, so that they measure the attach and not the
	# calibration, and put them back after. The handover, flashrom and
	# overlap tests attach the flash with data.
	head -c 65536 /dev/zero | tr '\000' '\377' >/tmp/blank
	echo okay >"$PDT$FLASH/status" &&
		dd if=/dev/"$(bios_mtd)" of=/tmp/head bs=65536 count=1 2>/dev/null &&
		echo reserved >"$PDT$FLASH/status" && flash_head /tmp/blank ||
		ktap_print_msg "could not blank the start of the host flash"
fi
endure "SPI (host flash, spi-nor)" $FLASH "$FLASH_CYCLES" 20
if [ -f /tmp/head ]; then
	flash_head /tmp/head || ktap_print_msg "could not restore the start of the host flash"
fi
ktap_finished
