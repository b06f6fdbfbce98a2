#!/bin/sh
# In the guest: a status write to one node does not wait for the detach of
# another (issue 12 E). The host flash is kept busy with 4 MiB writes to its
# MTD character device, one MTD operation each; "reserved" written to the
# flash waits for the operation in flight before spi-nor lets go. Meanwhile
# the sensor on I2C is attached and detached. With one lock for all status
# writes (series v3) no sensor write completed before the flash detach did.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

now_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
S=$PDT$SENSOR/status
F=$PDT$FLASH/status

ktap_print_header
ktap_set_plan 2

# attempt: prints "<flash detach ms> <sensor writes done meanwhile> <rc>"
attempt() {
	echo okay >$F || return 1
	m=$(bios_mtd)
	[ -n "$m" ] || return 1
	dd if=/dev/zero of=/dev/$m bs=4M count=8 2>/dev/null &
	dd_pid=$!
	sleep 0.3
	rm -f /tmp/overlap.done
	t0=$(now_ms)
	( echo reserved >$F; echo "$? $(now_ms)" >/tmp/overlap.done ) &
	fpid=$!
	during=0
	while [ ! -f /tmp/overlap.done ] && [ $during -lt 200 ]; do
		echo okay >$S && echo reserved >$S || break
		[ -f /tmp/overlap.done ] || during=$((during + 1))
	done
	wait $fpid
	wait $dd_pid
	read -r rc t1 </tmp/overlap.done
	echo "$((t1 - t0)) $during $rc"
}

best_ms=0 best_n=0 ok=1
for i in 1 2 3; do
	set -- $(attempt) || { ok=0; break; }
	[ "$3" = 0 ] || ok=0
	ktap_print_msg "attempt $i: flash detach took $1 ms with a 4 MiB write in flight; the sensor was attached and detached $2 times meanwhile"
	if [ "$2" -gt "$best_n" ]; then best_ms=$1 best_n=$2; fi
	[ "$1" -ge 300 ] && [ "$2" -ge 1 ] && break
done
ktap_test_result "the flash detaches while a write is in flight" [ $ok = 1 -a -z "$(device_of $FLASH)" ]
ktap_print_msg "overlap: $best_n sensor attach/detach pairs completed during a flash detach of $best_ms ms"
ktap_test_result "the sensor is toggled while the flash detach waits for the write" [ "$best_n" -ge 1 ]
ktap_finished
