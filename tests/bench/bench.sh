#!/bin/sh
# make bench, in the guest (test kernel, one boot): the status write against
# what OpenBMC and the driver core offer for the same device, measured side
# by side, the two methods alternated in rounds. Cycle times come from
# wcycle (clock_gettime around the writes, no process started in between);
# the handover (H) from /proc/uptime. Settings (the host's scripts/bench.sh):
#   BENCH_ROUNDS, BENCH_CYCLES   rounds per pair, cycles per method and round
#   BENCH_P4_CYCLES              okay/reserved cycles for the slab figure (P4)
#   BENCH_H_ROUNDS               handover rounds per method (0: skip H)
#   BENCH_IMG                    image the handover writes with flashcp
. /guest/files/nodes.sh
[ -f /guest/files/env ] && . /guest/files/env
W=/guest/files/wcycle
ROUNDS=${BENCH_ROUNDS:-5}
N=${BENCH_CYCLES:-20}
P4N=${BENCH_P4_CYCLES:-10000}
HR=${BENCH_H_ROUNDS:-2}
IMG=${BENCH_IMG:-/guest/files/bios.img}
OUT=/tmp/bench
rm -rf $OUT
mkdir -p $OUT

die() { echo "bench: error: $*"; exit 1; }
st() { echo "$PDT$1/status"; }
set_status() { echo "$2" >"$(st "$1")" || die "status $2 on $1"; }
# median, 10th and 90th percentile, count of a file of figures
stats() { sort -n "$1" | awk '{ a[NR] = $1 } END { printf "%d %d %d %d\n", a[int((NR + 1) / 2)], a[int(NR * 0.1) + 1], a[int(NR * 0.9) > 0 ? int(NR * 0.9) : 1], NR }'; }
med() { stats "$1" | cut -d' ' -f1; }
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }

# cycle N FUNC [ARG...]: N cycles of the writes FUNC ARG... prints, one
# FILE=VALUE per line (a value may hold spaces)
cycle() {
	n=$1
	shift
	IFS='
'
	# shellcheck disable=SC2046
	set -- $("$@")
	unset IFS
	$W "$n" "$@"
}
# toggle NODE: a status cycle; unbind_bind DRIVER DEVICE: a driver's
# unbind and bind of an existing device
toggle() { printf '%s\n' "$(st "$1")=okay" "$(st "$1")=reserved"; }
unbind_bind() { printf '%s\n' "$1/unbind=$2" "$1/bind=$2"; }
# pair NAME_A NAME_B: ROUNDS rounds of N cycles of A then N of B; a method
# that needs a state has NAME_pre and NAME_post to set it up and undo it
pair() {
	r=0
	while [ $r -lt "$ROUNDS" ]; do
		for m in "$1" "$2"; do
			if type "${m}_pre" >/dev/null 2>&1; then "${m}_pre"; fi
			cycle "$N" "$m" >>$OUT/$m || die "$m: wcycle failed"
			if type "${m}_post" >/dev/null 2>&1; then "${m}_post"; fi
		done
		r=$((r + 1))
	done
}
row() {
	set -- "$1" $(stats $OUT/$1) "$2"
	printf "# %-26s %8d %8d %8d %6d  %s\n" "$1" "$2" "$3" "$4" "$5" "$6"
}

SPI_DEV=
flash_spi_dev() {
	set_status $FLASH okay
	SPI_DEV=$(basename "$(dirname "$(device_of $FLASH)")")
	set_status $FLASH reserved
	[ -n "$SPI_DEV" ] || die "no SPI device for $FLASH"
}
I2C_BUS=$(basename /sys/bus/platform/devices/$I2C_ADAP/i2c-*)
ADDR=0x${SENSOR##*@}

# P1: the flash; status against spi-nor bind/unbind (controller bound) and
# against a controller unbind/bind (which probes the flash again)
SPI_DRV=/sys/bus/spi/drivers/spi-nor
flash_status() { toggle $FLASH; }
spinor_bind() { unbind_bind $SPI_DRV "$SPI_DEV"; }
spinor_bind_pre() { set_status $FLASH okay; }
spinor_bind_post() { set_status $FLASH reserved; }
ctlr_bind() { unbind_bind /sys/bus/platform/drivers/spi-aspeed-smc $SPI_CTLR; }
ctlr_bind_pre() { set_status $FLASH okay; }
ctlr_bind_post() { set_status $FLASH reserved; }
# P2: the sensor; status against new_device/delete_device
sensor_status() { toggle $SENSOR; }
i2c_new_device() {
	printf '%s\n' "/sys/bus/i2c/devices/$I2C_BUS/new_device=lm75 $ADDR" \
		"/sys/bus/i2c/devices/$I2C_BUS/delete_device=$ADDR"
}
# P3: gpio-leds; status against driver unbind/bind
leds_status() { toggle $LEDS; }
leds_bind() { unbind_bind /sys/bus/platform/drivers/leds-gpio leds; }
leds_bind_pre() { set_status $LEDS okay; }
leds_bind_post() { set_status $LEDS reserved; }
# What a status cycle of P2 and P3 spends that the other method does not,
# split in the same boot: *_mech is a cycle reserved -> disabled ->
# reserved, two updates of the property (its sysfs file replaced) and their
# notifications, and no device; *_noprobe a status cycle with the bus's
# drivers_autoprobe off, i.e. the device's creation and deletion without
# its driver's probe and remove.
detached_cycle() { printf '%s\n' "$(st "$1")=disabled" "$(st "$1")=reserved"; }
autoprobe() { echo "$2" >"/sys/bus/$1/drivers_autoprobe"; }
sensor_mech() { detached_cycle $SENSOR; }
sensor_noprobe() { toggle $SENSOR; }
sensor_noprobe_pre() { autoprobe i2c 0; }
sensor_noprobe_post() { autoprobe i2c 1; }
leds_mech() { detached_cycle $LEDS; }
leds_noprobe() { toggle $LEDS; }
leds_noprobe_pre() { autoprobe platform 0; }
leds_noprobe_post() { autoprobe platform 1; }

echo "# bench: $ROUNDS rounds x $N cycles per method, alternated; cycle times in us (attach + detach)"
flash_spi_dev
pair flash_status spinor_bind
pair flash_status ctlr_bind
# the second pair ran flash_status again: both pairs' rounds count
pair sensor_status i2c_new_device
pair leds_status leds_bind
pair sensor_mech sensor_noprobe
pair leds_mech leds_noprobe
printf "# %-26s %8s %8s %8s %6s\n" method median p10 p90 cycles
row flash_status "status okay + reserved, flash (spi-nor, mtd)"
row spinor_bind "spi-nor unbind + bind, $SPI_DEV"
row ctlr_bind "spi-aspeed-smc unbind + bind, $SPI_CTLR"
row sensor_status "status okay + reserved, lm75"
row i2c_new_device "new_device + delete_device, lm75"
row leds_status "status okay + reserved, gpio-leds"
row leds_bind "leds-gpio unbind + bind"
row sensor_mech "status disabled + reserved, lm75 (no device)"
row sensor_noprobe "status okay + reserved, lm75, no probe"
row leds_mech "status disabled + reserved, gpio-leds (no device)"
row leds_noprobe "status okay + reserved, gpio-leds, no probe"
P1=$(ratio "$(med $OUT/flash_status)" "$(med $OUT/spinor_bind)")
P1C=$(ratio "$(med $OUT/flash_status)" "$(med $OUT/ctlr_bind)")
P2=$(ratio "$(med $OUT/sensor_status)" "$(med $OUT/i2c_new_device)")
P3=$(ratio "$(med $OUT/leds_status)" "$(med $OUT/leds_bind)")
echo "# P1 $P1 (flash status / spi-nor bind+unbind); against a controller unbind+bind: $P1C"
echo "# P2 $P2 (sensor status / new_device+delete_device)"
echo "# P3 $P3 (gpio-leds status / driver unbind+bind)"
# split DEVICE STATUS OTHER MECH NOPROBE: the status cycle's median as
# property updates and notifications + device creation and deletion +
# probe and remove, against the other method's median
split() {
	echo "$1 $(med $OUT/$2) $(med $OUT/$3) $(med $OUT/$4) $(med $OUT/$5)" | awk '{
		printf "# %s: status %d us = property updates and notifications %d + device creation and deletion %d + probe and remove %d; the other method %d\n",
			$1, $2, $4, $5 - $4, $2 - $5, $3 }'
}
split lm75 sensor_status i2c_new_device sensor_mech sensor_noprobe
split gpio-leds leds_status leds_bind leds_mech leds_noprobe

# P4: slab bytes per okay/reserved cycle after a warm-up, per device: the
# objects each cache gained, counted (slab_counts, leak_check in nodes.sh:
# its per-cache figures are printed, not judged), times their size
p4() {
	cycle $((P4N / 10 + 1)) toggle "$1" >/dev/null || die "P4 warm-up $1"
	slab_counts /tmp/p4.0
	cycle "$P4N" toggle "$1" >/dev/null || die "P4 $1"
	slab_counts /tmp/p4.1
	leak_check "P4 $1" /tmp/p4.0 /tmp/p4.1 "$P4N" print >&2
	cat /tmp/leak.bytes
}
P4L=$(p4 $LEDS)
P4S=$(p4 $SENSOR)
P4F=$(p4 $FLASH)
echo "# P4 slab bytes per cycle (objects gained, counted, times their size) over $P4N cycles after $((P4N / 10 + 1)) of warm-up: gpio-leds $P4L, lm75 $P4S, flash $P4F"
P4=$(awk "BEGIN { a = $P4L; b = $P4S; c = $P4F; m = a > b ? a : b; m = m > c ? m : c; printf \"%.2f\", m }")

# H: the handover, mux switch to mux switch, writing $IMG with flashcp:
# the status path against OpenBMC's sequence as it ships (controller
# bound: bind spi-nor, sleep 2, bind... see the README), both with the mux
now() { cut -d' ' -f1 /proc/uptime; }
h_status() {
	mux bmc || die "mux"
	set_status $FLASH okay
	flashcp "$IMG" /dev/"$(bios_mtd)" || die "flashcp (status path)"
	set_status $FLASH reserved
	mux host
}
h_openbmc() {
	# as phosphor-bmc-code-mgmt's spi_device.cpp: the device exists, unbound
	mux bmc || die "mux"
	sleep 2
	echo "$SPI_DEV" >$SPI_DRV/bind || die "bind spi-nor"
	sleep 2
	flashcp "$IMG" /dev/"$(bios_mtd)" || die "flashcp (OpenBMC path)"
	echo "$SPI_DEV" >$SPI_DRV/unbind || die "unbind spi-nor"
	sleep 2
	mux host
}
H=NA
if [ "$HR" -gt 0 ]; then
	r=0
	while [ $r -lt "$HR" ]; do
		t=$(now); h_status; echo "$(now) $t" | awk '{ printf "%d\n", ($1 - $2) * 1000 }' >>$OUT/h_status
		set_status $FLASH okay
		echo "$SPI_DEV" >$SPI_DRV/unbind || die "unbind spi-nor"
		t=$(now); h_openbmc; echo "$(now) $t" | awk '{ printf "%d\n", ($1 - $2) * 1000 }' >>$OUT/h_openbmc
		set_status $FLASH reserved
		r=$((r + 1))
	done
	echo "# H handover with flashcp ($(wc -c <"$IMG") bytes), mux to mux, ms: status $(med $OUT/h_status), OpenBMC's sequence $(med $OUT/h_openbmc) (6 s of it sleeps), $HR round(s)"
	H=$(ratio "$(med $OUT/h_status)" "$(med $OUT/h_openbmc)")
fi

# where a status cycle's time goes (function_graph; tests/bench/profile.sh)
for n in $SENSOR $LEDS $FLASH; do
	PROFILE_CYCLES=${BENCH_PROFILE_CYCLES:-3} sh /guest/files/profile.sh "$n" |
		sed 's/^profile: /# profile: /'
done
echo "bench: P1=$P1 P2=$P2 P3=$P3 P4=$P4 P5=NA H=$H"
