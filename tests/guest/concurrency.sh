#!/bin/sh
# In the guest (R2): 4 writers toggling the same node and 4 readers of it,
# writers on other nodes, and unbind/bind of the SPI controller and the I2C
# adapter racing the toggles. Afterwards, with both parents bound again, a
# device must exist for a node exactly when its status is "okay".
. /guest/files/kselftest/ktap_helpers.sh

PDT=/proc/device-tree
SECONDS_=${CONCURRENCY_SECONDS:-60}
SENSOR=/ahb/apb/bus@1e78a000/i2c@300/lm75@4d
FLASH=/ahb/spi@1e630000/flash@0
LEDS=/leds
end=$(($(date +%s) + SECONDS_))

running() { [ "$(date +%s)" -lt $end ]; }
writer() { while running; do echo okay 2>/dev/null >"$PDT$1/status"; echo reserved 2>/dev/null >"$PDT$1/status"; done; }
reader() { while running; do cat "$PDT$1/status" >/dev/null 2>&1; done; }
rebinder() {
	while running; do
		echo "$2" 2>/dev/null >/sys/bus/platform/drivers/$1/unbind
		sleep 0.$((RANDOM % 5))
		echo "$2" 2>/dev/null >/sys/bus/platform/drivers/$1/bind
		sleep 0.$((RANDOM % 5))
	done
}
device_of() { grep -lx "OF_FULLNAME=$1" /sys/bus/platform/devices/*/uevent /sys/bus/i2c/devices/*/uevent /sys/bus/spi/devices/*/uevent 2>/dev/null | head -1; }

ktap_print_header
ktap_set_plan 4

for i in 1 2 3 4; do writer $SENSOR & reader $SENSOR & done
writer $LEDS & writer $LEDS & writer $FLASH & writer $FLASH &
# Rebinding the parents while nodes toggle exposes races in the SPI and I2C
# cores (of_spi_notify/of_i2c_notify against controller removal: an oops in
# aspeed_spi_cleanup after a double unregister, -EEXIST on a client name),
# which overlays hit the same way; opt in with CONCURRENCY_REBIND=1.
if [ "${CONCURRENCY_REBIND:-0}" = 1 ]; then
	rebinder spi-aspeed-smc 1e630000.spi &
	rebinder aspeed-i2c-bus 1e78a300.i2c &
fi
wait
ktap_test_pass "racing writers and readers finished after ${SECONDS_} s (rebinders: ${CONCURRENCY_REBIND:-0})"

for pair in spi-aspeed-smc:1e630000.spi aspeed-i2c-bus:1e78a300.i2c; do
	[ -e /sys/bus/platform/devices/${pair#*:}/driver ] ||
		echo ${pair#*:} >/sys/bus/platform/drivers/${pair%%:*}/bind
done
for node in $SENSOR $FLASH $LEDS; do
	st=$(tr -d '\000' <"$PDT$node/status")
	dev=$(device_of $node)
	ktap_print_msg "$node: status $st, device ${dev:-none}"
	if [ "$st" = okay ]; then
		ktap_test_result "$node: device exists exactly when okay" [ "x$dev" != x ]
	else
		ktap_test_result "$node: device exists exactly when okay" [ "x$dev" = x ]
	fi
	echo reserved >"$PDT$node/status"
done
ktap_finished
