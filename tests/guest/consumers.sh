#!/bin/sh
# In the guest, AST2500 test board (tests/suites/riser.sh boots it with each
# riser card): devices outside a dynamic subtree that use GPIOs of an
# expander inside it (fw_devlink). Two expanders: the one on I2C bus 7,
# whose node boots "okay", and riser card A's, which boots "reserved" with
# the card. Each has three consumers (board/ast2500/dynamic-test.dts): a
# gpio-leds whose LED names the GPIO in a child node, a gpio-fan that names
# it in its own node, an i2c-mux-gpio whose select line it is. While the
# expander's node is detached each consumer is unbound and cannot be bound
# (its driver's bind file fails with EAGAIN); when the node comes back each is probed
# again and works, twice over. The re-probe is the driver core's deferred
# probe, which runs once the expander is bound: asynchronous, as after a
# "bind" of a supplier's driver, so it is waited for (up to 10 s).
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

EXP=/ahb/apb/bus@1e78a000/i2c@300/gpio@21
CARD_A=/ahb/apb/bus@1e78a000/i2c@140/i2c-mux@70
PDEV=/sys/bus/platform/devices

bound() { [ -e "$PDEV/$1/driver" ]; }
# works X: the consumer X does its job: its LED class device, its fan's
# hwmon device, its mux's channel adapters with their sensor
works() {
	case $1 in
	leds-*) [ -d "/sys/class/leds/${1#leds-}" ] ;;
	fan-*) [ "$(cat $PDEV/$1/hwmon/hwmon*/name 2>/dev/null)" = gpio_fan ] ;;
	mux-*) cat $PDEV/$1/channel-0/*-004a/hwmon/hwmon*/temp1_input >/dev/null 2>&1 ;;
	esac
}
driver_of() {
	case $1 in leds-*) echo leds-gpio ;; fan-*) echo gpio-fan ;; mux-*) echo i2c-mux-gpio ;; esac
}
# up_within X: X bound and working within 10 s
up_within() {
	i=0
	while [ $i -lt 50 ]; do
		bound $1 && works $1 && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}
# down_now X: X unbound and not working as soon as the write returned, and
# binding its driver by hand fails with EAGAIN (its probe is deferred)
down_now() {
	! bound $1 && ! works $1 || return 1
	err=$( { echo $1 >/sys/bus/platform/drivers/$(driver_of $1)/bind; } 2>&1) && return 1
	case $err in *"Resource temporarily unavailable"*) ;; *) return 1 ;; esac
	! bound $1
}
# check STAGE SUFFIX up|down: the three consumers of one expander
check() {
	for x in leds-$2 fan-$2 mux-$2; do
		if [ $3 = up ]; then
			ktap_test_result "$1: $x is bound and works" up_within $x
		else
			ktap_test_result "$1: $x is unbound, and its driver cannot be bound" down_now $x
		fi
	done
}
# cycle NODE SUFFIX: detach and attach NODE twice, the consumers following
cycle() {
	for i in 1 2; do
		echo reserved >"$PDT$1/status" || ktap_test_fail "$2: detach $i"
		check "$2 detached ($i)" $2 down
		echo okay >"$PDT$1/status" || ktap_test_fail "$2: attach $i"
		check "$2 attached again ($i)" $2 up
	done
}

card=$(head -n 1 /sys/bus/i2c/devices/4-0057/eeprom 2>/dev/null | tr -d '\000')
ktap_print_header
if [ "$card" = RISER-A ]; then ktap_set_plan 34; else ktap_set_plan 16; fi

# the expander that boots okay: its consumers are up at boot
check "exp at boot" exp up
cycle $EXP exp

if [ "$card" = RISER-A ]; then
	# card A boots reserved: its expander's consumers wait for it
	check "card A at boot" card-a down
	echo okay >"$PDT$CARD_A/status" || ktap_test_fail "card A: attach"
	check "card A attached" card-a up
	cycle $CARD_A card-a
	echo reserved >"$PDT$CARD_A/status"
fi
n=$(dmesg | grep -c "Failed to create device link")
ktap_test_result "no \"Failed to create device link\" in the kernel log ($n)" [ "$n" = 0 ]
ktap_finished
