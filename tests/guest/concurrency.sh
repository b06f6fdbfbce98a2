#!/bin/sh
# In the guest (R2): 4 writers toggling the same node and 4 readers of it,
# writers on other nodes, and unbind/bind of the SPI controller and the I2C
# adapter racing the toggles. Afterwards, with both parents bound again, a
# device must exist for a node exactly when its status is "okay".
. /guest/files/kselftest/ktap_helpers.sh

. /guest/files/nodes.sh
SECONDS_=${CONCURRENCY_SECONDS:-60}
end=$(($(date +%s) + SECONDS_))

LOG=/tmp/concurrency
rm -rf $LOG; mkdir -p $LOG

running() { [ "$(date +%s)" -lt $end ]; }
# each worker appends "<what> <ok> <failed>" to a log of its own
writer() {
	ok=0 bad=0
	while running; do
		for v in okay reserved; do
			if echo $v 2>/dev/null >"$PDT$1/status"; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
		done
	done
	echo "$1 $ok $bad" >>$LOG/writes
}
reader() { n=0; while running; do cat "$PDT$1/status" >/dev/null 2>&1; n=$((n + 1)); done; echo "$1 $n" >>$LOG/reads; }
rebinder() {
	n=0
	while running; do
		echo "$2" 2>/dev/null >/sys/bus/platform/drivers/$1/unbind
		sleep 0.$((RANDOM % 5))
		echo "$2" 2>/dev/null >/sys/bus/platform/drivers/$1/bind && n=$((n + 1))
		sleep 0.$((RANDOM % 5))
	done
	echo "$2 $n" >>$LOG/rebinds
}

ktap_print_header
ktap_set_plan 4

for i in 1 2 3 4; do writer $SENSOR & reader $SENSOR & done
writer $LEDS & writer $LEDS & writer $FLASH & writer $FLASH &
# The parents unbind and bind while their nodes toggle: of_spi_notify() and
# of_i2c_notify() against controller and adapter removal (the series' SPI
# and I2C patches). CONCURRENCY_REBIND=0 leaves them bound.
if [ "${CONCURRENCY_REBIND:-1}" = 1 ]; then
	rebinder spi-aspeed-smc $SPI_CTLR &
	rebinder aspeed-i2c-bus $I2C_ADAP &
fi
wait
awk '{ ok[$1] += $2; bad[$1] += $3 } END { for (n in ok) printf "# %s: %d writes accepted, %d refused\n", n, ok[n], bad[n] }' $LOG/writes
awk '{ n[$1] += $2 } END { for (p in n) printf "# %s: %d reads\n", p, n[p] }' $LOG/reads
[ -f $LOG/rebinds ] && awk '{ printf "# %s: %d unbind/bind cycles\n", $1, $2 }' $LOG/rebinds
# Each writer, reader and rebinder did real work: at least a few accepted
# writes per node, reads, and unbind/bind cycles of both parents.
min=$(awk -v rb="${CONCURRENCY_REBIND:-1}" '
	FILENAME ~ /writes/ { ok[$1] += $2 }
	FILENAME ~ /reads/ { rd += $2 }
	FILENAME ~ /rebinds/ { if ($2 < 3) low = 1; nrb++ }
	END {
		bad = 0
		nn = 0
		for (n in ok) { nn++; if (ok[n] < 10) bad = 1 }
		if (nn != 3 || rd < 100 || low || (rb == 1 && nrb != 2)) bad = 1
		print bad
	}' $LOG/writes $LOG/reads $([ -f $LOG/rebinds ] && echo $LOG/rebinds))
ktap_test_result "racing writers, readers and rebinders all made progress in ${SECONDS_} s (>= 10 accepted writes per node, >= 100 reads, >= 3 rebinds per parent)" [ "$min" = 0 ]

for pair in spi-aspeed-smc:$SPI_CTLR aspeed-i2c-bus:$I2C_ADAP; do
	[ -e /sys/bus/platform/devices/${pair#*:}/driver ] ||
		echo ${pair#*:} >/sys/bus/platform/drivers/${pair%%:*}/bind
done
for node in $SENSOR $FLASH $LEDS; do
	st=$(node_status $node)
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
