#!/bin/sh
# In the guest: toggle the platform and the I2C test nodes many times, and
# the host flash as often as the time budget allows, and show that slab
# memory does not grow once warmed up. KTAP.
#
# Detaching the gpio-leds device drops its device link to the GPIO
# controller; device_link_wq releases links with synchronize_srcu(), so the
# workqueue pool starts workers while releases wait, about 11 kB of slab
# each (task_struct, signal, sighand, pid), and reaps idle ones only after
# five minutes. The warm-up lets the pool grow, and the task caches are left
# out of the figures.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

CYCLES=${ENDURANCE_CYCLES:-10000}
# Slab noise allowed over a half, in kB: one sheaf of a small kmalloc
# cache on the test kernel (slab_bytes in nodes.sh: ~120 objects of
# kmalloc-64 or kmalloc-128, 7.8 or 15.6 kB, moved with no leak on the
# single-CPU AST2500 too); more on a board with several CPUs (SLAB_NOISE_KB
# in board/*/nodes.sh); the KASAN kernel (kmemleak, KASAN) moves by more.
# A 64-byte object left behind per flash cycle still fails.
NOISE_KB=${ENDURANCE_NOISE_KB:-${SLAB_NOISE_KB:-16}}
FLASH_CYCLES=${ENDURANCE_FLASH_CYCLES:-1000}

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

# endure NAME NODE N WARMUP BYTES: after WARMUP cycles, N cycles in two
# halves. A leak grows slab memory in both halves alike; what a warm-up
# leaves (pools and caches sized to the load) shows in the first half
# only. So slab memory may grow by at most BYTES per cycle over the second
# half (and by NOISE_KB of noise); the first half is printed.
# One object of 64 bytes left behind per attach is 64 bytes per cycle.
endure() {
	half=$(($3 / 2))
	cycles "$2" "$4" || { ktap_test_fail "$1: warm-up"; return; }
	s0=$(slab_bytes)
	tasks0=$(tasks)
	t0=$(now)
	cycles "$2" "$half" && {
		s1=$(slab_bytes)
		cp /tmp/slab.caches /tmp/slab.1
		cycles "$2" "$half"
	}
	rc=$?
	t1=$(now)
	s2=$(slab_bytes)
	cp /tmp/slab.caches /tmp/slab.2
	tasks1=$(tasks)
	g1=$(((s1 - s0) * 100 / half))
	g2=$(((s2 - s1) * 100 / half))
	limit=$(($5 * 100 + NOISE_KB * 102400 / half))
	ktap_print_msg "$1: $((2 * half)) cycles after $4 of warm-up in $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s," \
		"slab $s0 -> $s1 -> $s2 bytes: $(awk "BEGIN { printf \"%.2f and %.2f\", $g1 / 100, $g2 / 100 }") bytes per cycle" \
		"in the two halves, tasks $tasks0 -> $tasks1"
	slab_moved /tmp/slab.1 /tmp/slab.2
	ktap_test_result "$1: $((2 * half)) okay/reserved cycles, slab growth per cycle under $5 bytes in the second half" \
		[ "$rc" = 0 -a "$g2" -lt "$limit" ]
}

# slab_moved BEFORE AFTER: the caches counted (slab_bytes) that moved by
# 4 kB or more between two of its readings
slab_moved() {
	awk 'NR == FNR { a[$1] = $2; next }
		$2 - a[$1] >= 4096 || a[$1] - $2 >= 4096 { printf "# slab moved: %s %+d bytes\n", $1, $2 - a[$1] }' "$1" "$2"
}

ktap_print_header
ktap_set_plan 3
endure "platform (gpio-leds)" $LEDS "$CYCLES" 1000 8
endure "I2C (lm75)" $SENSOR "$CYCLES" 100 8
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
endure "SPI (host flash, spi-nor)" $FLASH "$FLASH_CYCLES" 20 16
if [ -f /tmp/head ]; then
	flash_head /tmp/head || ktap_print_msg "could not restore the start of the host flash"
fi
ktap_finished
