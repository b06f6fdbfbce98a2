#!/bin/sh
# In the guest: toggle the platform and the I2C test nodes many times, and
# the host flash as often as the time budget allows, and show that slab
# memory does not grow once warmed up. KTAP.
#
# Detaching the gpio-leds device drops its device link to the GPIO
# controller; device_link_wq releases links with synchronize_srcu(), so the
# workqueue pool starts workers while releases wait, about 11 kB of slab
# each (task_struct, signal, sighand, pid), and reaps idle ones only after
# five minutes. The warm-up lets the pool grow, and each kernel thread that
# still appears during the run is allowed 16 kB on top of the limit.
. /guest/files/kselftest/ktap_helpers.sh

CYCLES=${ENDURANCE_CYCLES:-10000}
FLASH_CYCLES=${ENDURANCE_FLASH_CYCLES:-1000}
PDT=/proc/device-tree
LEDS=/leds
SENSOR=/ahb/apb/bus@1e78a000/i2c@300/lm75@4d
FLASH=/ahb/spi@1e630000/flash@0

unreclaimable() {
	# device links and kobjects are released asynchronously: let them go
	sleep 3
	echo 3 >/proc/sys/vm/drop_caches
	awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo
}
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

# endure NAME NODE N WARMUP LIMIT_KB
endure() {
	cycles "$2" "$4" || { ktap_test_fail "$1: warm-up"; return; }
	before=$(unreclaimable)
	tasks0=$(tasks)
	t0=$(now)
	cycles "$2" "$3"
	rc=$?
	t1=$(now)
	tasks1=$(tasks)
	after=$(unreclaimable)
	growth=$((after - before))
	threads=$((tasks1 - tasks0))
	[ $threads -gt 0 ] || threads=0
	limit=$(($5 + 16 * threads))
	ktap_print_msg "$1: $3 cycles after $4 of warm-up in $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s," \
		"SUnreclaim $before -> $after kB, $(awk "BEGIN { printf \"%.2f\", $growth * 1024 / ($3 * 2) }") bytes per toggle," \
		"tasks $tasks0 -> $tasks1"
	ktap_test_result "$1: $3 okay/reserved cycles, slab growth under $limit kB" \
		[ "$rc" = 0 -a "$growth" -lt "$limit" ]
}

ktap_print_header
ktap_set_plan 3
endure "platform (gpio-leds)" $LEDS "$CYCLES" 1000 64
endure "I2C (lm75)" $SENSOR "$CYCLES" 100 64
endure "SPI (host flash, spi-nor)" $FLASH "$FLASH_CYCLES" 20 64
ktap_finished
