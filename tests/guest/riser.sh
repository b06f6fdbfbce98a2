#!/bin/sh
# In the guest, with one riser card in the slot (board/riser.sh): what a
# BMC does with a card it identifies at runtime. Read the card's identity
# from its EEPROM (at24's nvmem file), enable the matching variant's
# dynamic nodes, one write each, with no sleep: a write returns once the
# devices are created and probed, so the hwmon (and IIO) devices are there
# when it returns. Card A's platform part is a simple-bus: its write brings
# up the devices under it. The other variant, whose mux has the same address, is refused
# while this one is up, and the other way round. The variant is toggled
# RISER_CYCLES times (default 300) and leaves nothing behind: devices,
# adapters, hwmon and IIO devices, device links, slab objects (counted:
# slab_counts and leak_check in nodes.sh).
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh
[ -f /guest/files/env ] && . /guest/files/env

N=${RISER_CYCLES:-300}
EEPROM=/sys/bus/i2c/devices/4-0057/eeprom
I2C4=/ahb/apb/bus@1e78a000/i2c@140
MUX_A=$I2C4/i2c-mux@70        # card A: PCA9548, TMP105 at 0x48 and 0x49
MUX_B=$I2C4/mux@70            # card B: PCA9546, TMP421 at 0x4c
BUS_A=/riser-a-bus            # card A: the BMC's ADC, under a simple-bus
GPIO_LINK=supplier:platform:1e780000.gpio

# the card's dynamic nodes, in the order they are enabled
card=$(head -n 1 $EEPROM 2>/dev/null | tr -d '\000')
case $card in
RISER-A) NODES="$MUX_A $BUS_A" OTHER=$MUX_B SENSORS="tmp105 tmp105" CHANNELS=8 ADCS=1 ;;
RISER-B) NODES="$MUX_B" OTHER=$MUX_A SENSORS="tmp421" CHANNELS=4 ADCS=0 ;;
*) NODES= ;;
esac
REVERSED=$(for n in $NODES; do echo $n; done | sed -n '1!G;h;$p')

up() { for n in $NODES; do echo okay >"$PDT$n/status" || return 1; done; }
down() { for n in $REVERSED; do echo reserved >"$PDT$n/status" || return 1; done; }
# the riser's sensors (behind its mux's channels), by hwmon name; its ADCs, by IIO name; the devices of
# bus 4, the platform and IIO buses, hwmon class devices, device links: what
# must come and go
sensors() {
	cat /sys/bus/i2c/devices/4-0070/channel-*/*-00??/hwmon/hwmon*/name 2>/dev/null | sort | xargs
}
adcs() { cat /sys/bus/iio/devices/*/name 2>/dev/null | grep -c '^ast2500-adc$'; }
snapshot() {
	ls /sys/bus/i2c/devices /sys/bus/platform/devices /sys/bus/iio/devices \
		/sys/class/hwmon /sys/class/devlink 2>/dev/null | sort | md5sum | cut -d' ' -f1
}
temps_read() {
	for h in /sys/class/hwmon/*; do
		case $(cat $h/name) in tmp105 | tmp421) ;; *) continue ;; esac
		t=$(cat $h/temp1_input) || return 1
		[ "$t" -gt -60000 ] && [ "$t" -lt 150000 ] || return 1
	done
}
# the card's I2C adapters: its mux's channels (the adapters hang off the
# parent adapter, i2c-4; the mux links to them)
adapters() { ls -d /sys/bus/i2c/devices/4-0070/channel-* 2>/dev/null | wc -l; }

ktap_print_header
ktap_set_plan 10
[ -n "$NODES" ] || ktap_exit_fail_msg "unknown card \"$card\" in $EEPROM"
ktap_print_msg "card $card: nodes $NODES"
ktap_test_result "$card: the card's identity is read from its EEPROM" true

boot=$(snapshot)
a0=$(adapters)
ok=1
[ -z "$(sensors)" ] && [ "$(adcs)" = 0 ] && [ ! -e /sys/bus/i2c/devices/4-0070 ] || ok=0
ktap_test_result "$card: nothing of the card is probed at boot" [ $ok = 1 ]

up
got=$(sensors)
ktap_print_msg "sensors after the write: $got; adapters $a0 -> $(adapters); ADCs $(adcs)"
ok=1
[ "$got" = "$SENSORS" ] || ok=0
[ "$(adapters)" -eq "$CHANNELS" ] && [ "$a0" -eq 0 ] || ok=0
[ "$(adcs)" = $ADCS ] || ok=0
temps_read || ok=0
if [ $ADCS = 1 ]; then
	cat /sys/bus/iio/devices/iio:device*/in_voltage0_raw >/dev/null || ok=0
fi
ktap_test_result "$card: enabling the variant brings up its mux, channels, sensors (and bus) at once" [ $ok = 1 ]

if [ "$card" = RISER-A ]; then
	ok=1
	for i in 1 2 3; do
		ls /sys/bus/i2c/devices/4-0070/ | grep -qx $GPIO_LINK || { ok=0; break; }
		down && up || { ok=0; break; }
	done
	ktap_test_result "$card: the mux is linked to its reset GPIO's controller at every attach" [ $ok = 1 ]
else
	ktap_test_skip "$card: the mux is linked to its reset GPIO's controller (card A only)"
fi

before=$(sensors)
if echo okay 2>/dev/null >"$PDT$OTHER/status"; then r=0; else r=1; fi
ok=1
[ $r = 1 ] || ok=0
[ "$(node_status $OTHER)" = reserved ] || ok=0
[ "$(sensors)" = "$before" ] || ok=0
ktap_test_result "$card: the other variant (same addresses) is refused while this one is up, nothing changed" [ $ok = 1 ]

ok=1
down || ok=0
[ "$(snapshot)" = "$boot" ] || ok=0
ktap_test_result "$card: disabling the variant leaves nothing behind" [ $ok = 1 ]

ok=1
echo okay >"$PDT$OTHER/status" || ok=0
if up 2>/dev/null; then ok=0; fi
for n in $NODES; do [ "$(node_status $n)" = reserved ] || ok=0; done
echo reserved >"$PDT$OTHER/status" || ok=0
[ "$(snapshot)" = "$boot" ] || ok=0
ktap_test_result "$card: this variant is refused while the other one is up, nothing changed" [ $ok = 1 ]

# a warm-up (caches of debugfs and kernfs inodes, kmalloc-1k, the workers
# of the workqueues grow over the first few hundred cycles, then stay), N
# cycles, the slab counters read before and after them
i=0
while [ $i -lt 200 ]; do up && down || break; i=$((i + 1)); done
slab_counts /tmp/slab.0
t0=$(cut -d' ' -f1 /proc/uptime)
i=0
ok=1
while [ $i -lt "$N" ]; do
	if ! up; then ok=0; break; fi
	if [ "$(sensors)" != "$SENSORS" ] || [ "$(adcs)" != $ADCS ]; then ok=0; break; fi
	if ! down; then ok=0; break; fi
	i=$((i + 1))
done
t1=$(cut -d' ' -f1 /proc/uptime)
slab_counts /tmp/slab.1
ktap_print_msg "$i cycles in $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s; slab objects gained:"
# each cycle creates and frees some 30 devices (card A) with their
# kobjects, sysfs and kernfs nodes: not one object of them may stay
leaks=1
[ "$i" -gt 0 ] && leak_check "$card" /tmp/slab.0 /tmp/slab.1 "$i" && leaks=0
ktap_test_result "$card: $N cycles up and down, each with the card's sensors" [ $ok = 1 ]
ok=1
[ "$(snapshot)" = "$boot" ] || ok=0
ktap_test_result "$card: nothing left behind after $N cycles (devices, adapters, hwmon and IIO devices, links)" [ $ok = 1 ]
ktap_test_result "$card: no slab cache gains $LEAK_LIMIT objects per cycle over $N cycles" [ $leaks = 0 ]
ktap_finished
