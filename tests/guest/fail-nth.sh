#!/bin/sh
# In the guest, KASAN kernel with fault injection (board/config/debug.config;
# the fault-injection suite): every memory allocation of one status write
# fails in turn. fail-nth.sh PATH sweeps one path, two writes each:
#   platform  gpio-leds (LEDS): attach ("okay") and detach ("reserved")
#   i2c       lm75 (SENSOR): attach and detach
#   flash     spi-nor and its MTD device (FLASH): attach and detach
#   subtree   a dynamic simple-bus and its children (the first dynamic
#             node compatible with "simple-bus": adc-bus on the AST2600):
#             attach and detach
#   rejected  an invalid value ("ok") to LEDS, and "okay" to FLASH_NOCHIP,
#             whose probe fails
# For n = 1, 2, ...: this shell writes n to /proc/thread-self/fail-nth, then
# the status with its builtin echo (no fork: the same task), so that the
# n-th allocation of that write fails (slab or page allocator, sleeping or
# not; the open of the status file counts, as in any script), and nothing
# else. The sweep ends with the first write that completes with no failure
# injected (fail-nth reads back non-zero). After every n:
#   - the write returned 0 (the status is then the value written, and after
#     "okay" the device has its driver) or an error (the status is then the
#     old value);
#   - the status and the devices agree: a device exists exactly when the
#     status is "okay" and its parent is bound (a subtree's children exist
#     exactly when the bus's device does);
#   - a clean reserved/okay/reserved cycle works (for FLASH_NOCHIP: "okay"
#     fails with ENXIO, as it does without injection), the clean "okay"
#     gives the device links a clean "okay" gave before the sweep (a link
#     that fw_devlink failed to make under injection comes back), and the
#     cycle leaves the board as before the sweep: the devices of the
#     platform, I2C and SPI buses, the MTD, hwmon, IIO, LED and device-link
#     class devices, the status of every dynamic node;
#   - the kernel did not become tainted (a WARN, a KASAN report): the kernel
#     log since the point is printed; the runner's log scan after the script
#     fails it too.
# A check that fails ends the sweep of that write (the board is no longer
# as before), with the point, what differed and the kernel log since it.
# Each point is announced on the console first ("# fail-nth: PATH OP n=N"):
# the last one names the point of a panic.
#
# Which points: the write is first made once with fail-nth at 1,000,000,
# which counts its allocations (T) and fails none. Up to FAULT_FIRST (100)
# points are swept in order; past that, FAULT_SAMPLE (10) points drawn from
# FAULT_FIRST+1..T with the seed FAULT_SEED (/guest/files/env, printed by
# the host; the same seed draws the same points for the same T), then T+1,
# T+2, ... until a write completes. The number of points swept is printed
# per write; fewer than 5 fails (the injection did not reach the write).
# The allocations of the debugging tools themselves (kmemleak's metadata
# and debug objects, whose failures they absorb) are not failed: failslab's
# cache filter flags every other slab cache, which the kernel's command
# line must not merge (slab_nomerge: a merged cache cannot be flagged).
# By hand: FAULT_POINTS="n ..." sweeps those points only; FAULT_VERBOSE=2
# dumps the stack of each failure injected (the log scan then reports the
# dumps: a replay, not a test).
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh
[ -f /guest/files/env ] && . /guest/files/env

path=${1:?usage: fail-nth.sh platform|i2c|flash|subtree|rejected}
FIRST=${FAULT_FIRST:-100}
SAMPLE=${FAULT_SAMPLE:-10}
SEED=${FAULT_SEED:-1}
BIG=1000000
# a write that still fails this far past T is failing for good
TAIL_MAX=200
D=/sys/kernel/debug

now() { cut -d' ' -f1 /proc/uptime; }

# setup_faults: fail-nth fails allocations that may sleep too
# (ignore-gfp-wait), page allocations of any order, no report of each
# failure (verbose 0); slab caches flagged but the debugging tools' own
setup_faults() {
	for a in failslab fail_page_alloc; do
		[ -d $D/$a ] || { why="no $D/$a"; return 1; }
		echo N >$D/$a/ignore-gfp-wait || return 1
		echo "${FAULT_VERBOSE:-0}" >$D/$a/verbose || return 1
	done
	echo 0 >$D/fail_page_alloc/min-order || return 1
	[ -w /proc/thread-self/fail-nth ] || { why="no /proc/thread-self/fail-nth"; return 1; }
	refused=
	for f in /sys/kernel/slab/*/failslab; do
		c=${f%/failslab}
		c=${c##*/}
		case $c in
		kmemleak_object | kmemleak_scan_area | debug_objects_cache) echo 0 >"$f" ;;
		*) echo 1 2>/dev/null >"$f" || refused="$refused $c" ;;
		esac
	done
	[ -z "$refused" ] || { why="slab caches merged (boot with slab_nomerge):$refused"; return 1; }
	echo Y >$D/failslab/cache-filter
}

# --- what a point is checked against
STATUS_FILES=$(find $PDT/ -name dynamic -type f | sed 's|/dynamic$|/status|' | sort)

# board: the devices and class devices a status write creates or removes,
# and every dynamic status, in $b (globs and builtins: no fork)
board() {
	b=
	for f in /sys/bus/platform/devices/* /sys/bus/i2c/devices/* /sys/bus/spi/devices/* \
		/sys/class/mtd/* /sys/class/hwmon/* /sys/bus/iio/devices/* /sys/class/leds/* \
		/sys/class/devlink/*; do
		b="$b ${f#/sys/}"
	done
	for f in $STATUS_FILES; do
		v=missing
		read -r v 2>/dev/null <"$f"
		b="$b ${f#"$PDT"}=$v"
	done
}

# board_same: the board is as before the sweep (device links and kobjects
# go asynchronously: three tries a second apart)
board_same() {
	for _ in 1 2 3; do
		board
		[ "$b" = "$ref" ] && return 0
		sleep 1
	done
	echo "$ref" | tr ' ' '\n' >/tmp/fi.ref
	echo "$b" | tr ' ' '\n' >/tmp/fi.board
	why="the board is not as before the sweep: $(diff /tmp/fi.ref /tmp/fi.board | grep '^[-+][^-+]' | tr '\n' ' ')"
	return 1
}

# status: the status of $node in $s, without its NUL ("missing": no file)
status() {
	s=missing
	read -r s 2>/dev/null <"$PDT$node/status"
}

# links: the device links, in $l
links() {
	l=
	for f in /sys/class/devlink/*; do l="$l ${f##*/}"; done
}

# links_same: the device links are those of a clean "okay" before the sweep
links_same() {
	for _ in 1 2 3; do
		links
		[ "$l" = "$links_ref" ] && return 0
		sleep 1
	done
	why="the device links are not those of a clean okay before the sweep: $l (before:$links_ref)"
	return 1
}

# parent_bound: the bus of $node can have devices (its parent is bound)
parent_bound() {
	[ -z "$parent_dev" ] || [ -e "/sys/bus/platform/devices/$parent_dev/driver" ]
}

# agree: the status of $node and its devices (and its children's) agree.
# The devices' directories ($dev, $child_devs) are learnt at the start of
# the sweep from device_of (nodes.sh), which reads every uevent file (0.8 s
# on this kernel): their names follow from the nodes, so that a device of
# the node exists exactly when its directory does.
agree() {
	status
	want=0
	[ "$s" = okay ] && parent_bound && want=1
	have=0
	[ -e "$dev" ] && have=1
	[ $want = $have ] || { why="status $s, device ${dev##*/} $([ $have = 1 ] && echo present || echo absent)"; return 1; }
	for c in $child_devs; do
		[ -e "$c" ] && [ $have = 1 ] && continue
		[ ! -e "$c" ] && [ $have = 0 ] && continue
		why="status $s, device ${dev##*/} $([ $have = 1 ] && echo present || echo absent), child ${c##*/} $([ -e "$c" ] && echo present || echo absent)"
		return 1
	done
}

# drivers [all]: after a successful "okay", the node's device has its
# driver (the write checks it: of_status_check_device()); with "all", its
# children's devices too (a clean "okay": a child's probe that fails under
# injection is not the write's)
drivers() {
	for c in $dev ${1:+$child_devs}; do
		[ -e "$c/driver" ] || { why="no driver bound to ${c##*/}"; return 1; }
	done
}

# write VALUE: a clean write of $node's status, its error in $err
write() {
	err=
	echo "$1" 2>/tmp/fi.cerr >"$PDT$node/status" && return 0
	read -r err </tmp/fi.cerr
	return 1
}

# clean_cycle: reserved, okay, reserved, and the board as before the sweep.
# For a node whose probe fails, "okay" must fail as it does without
# injection (ENXIO) and change nothing.
clean_cycle() {
	write reserved || { why="a clean reserved failed: $err"; return 1; }
	if [ "$probe_fails" = 1 ]; then
		if write okay; then
			why="a clean okay succeeded"
			return 1
		fi
		case $err in
		*"No such device or address"*) ;;
		*) why="a clean okay failed with: $err"; return 1 ;;
		esac
	else
		write okay || { why="a clean okay failed: $err"; return 1; }
		if ! agree || [ "$s" != okay ] || ! drivers all || ! links_same; then
			why="after a clean okay: $why"
			return 1
		fi
	fi
	write reserved || { why="a clean reserved failed: $err"; return 1; }
	board_same
}

# point N: write $value to $node with the N-th allocation of the write
# failing; rc, left (fail-nth read back: 0 when the failure was injected)
# and msg (the shell's error message, if any)
point() {
	# with no failure armed yet: the marker, the file for the shell's
	# error message, the descriptor fail-nth is read back through (opens
	# allocate)
	echo "# fail-nth: $path $op n=$1"
	echo "<5>fail-nth: $path $op n=$1" >/dev/kmsg
	exec 6>/tmp/fi.err 5</proc/thread-self/fail-nth
	echo "$1" >&4
	echo "$value" 2>&6 >"$PDT$node/status"
	rc=$?
	read -r left <&5
	echo 0 >&4
	msg=
	read -r msg </tmp/fi.err
}

# check_point: the checks after a point (see the top)
check_point() {
	agree || return 1
	if [ $rc = 0 ]; then
		[ "$s" = "$value" ] || { why="the write returned 0, the status is $s"; return 1; }
		if [ "$value" = okay ]; then
			drivers || return 1
			drivers all || unbound=$((unbound + 1))
		fi
	else
		[ "$s" = "$before" ] || { why="the write failed, the status is $s, was $before"; return 1; }
	fi
	clean_cycle || return 1
	# where the next point starts
	if [ "$before" = okay ]; then
		write okay || { why="putting okay back failed: $err"; return 1; }
	fi
}

# log_since N: the kernel log since the marker of point N
log_since() {
	dmesg | sed -n "/fail-nth: $path $op n=$1\$/,\$p" | tail -n +2 | head -n 80 | sed 's/^/#   /'
}

# learn: the directories of the devices of $node and its children, from
# device_of with the node attached, and the device links then; the node
# back to reserved
learn() {
	write reserved || { why="a clean reserved before the sweep failed: $err"; return 1; }
	write okay || { why="a clean okay before the sweep failed: $err"; return 1; }
	d=$(device_of "$node")
	[ -n "$d" ] || { why="no device after a clean okay"; return 1; }
	dev=${d%/uevent}
	child_devs=
	for c in $children; do
		d=$(device_of "$c")
		[ -n "$d" ] || { why="no device for $c after a clean okay"; return 1; }
		child_devs="$child_devs ${d%/uevent}"
	done
	drivers all || return 1
	links
	links_ref=$l
	write reserved || { why="a clean reserved before the sweep failed: $err"; return 1; }
}

# points: the points to sweep before the tail (see the top)
points() {
	if [ -n "${FAULT_POINTS:-}" ]; then
		echo "$FAULT_POINTS"
	elif [ "$T" -gt "$FIRST" ]; then
		seq 1 "$FIRST"
		# a draw of its own per write, from the seed and the write's name
		awk -v seed="$SEED" -v key="$path $op" -v a="$FIRST" -v b="$T" -v k="$SAMPLE" 'BEGIN {
			s = seed % 1000003
			for (i = 1; i <= length(key); i++)
				s = (s * 31 + index("abcdefghijklmnopqrstuvwxyz ,", substr(key, i, 1))) % 1000003
			srand(s)
			n = b - a
			if (k > n) k = n
			while (c < k) { p = a + 1 + int(rand() * n); if (!(p in got)) { got[p] = 1; c++ } }
			for (p in got) print p }' | sort -n
	fi
}

# sweep OP NODE VALUE BEFORE: write VALUE to NODE, whose status is BEFORE,
# at each point; two KTAP results
sweep() {
	op=$1 node=$2 value=$3 before=$4
	t0=$(now)
	swept=0 opens=0 unbound=0 bad= tainted= last=0 done= T=0 dev=/nonexistent child_devs=
	: >/tmp/fi.log
	if [ "$probe_fails" != 1 ]; then
		learn || bad="$why"
	fi
	board
	ref=$b
	if [ -z "$bad" ] && [ "$before" = okay ] && ! write okay; then
		bad="could not attach $node before the sweep: $err"
	fi
	# T: the allocations of a write that completes, none failed
	if [ -z "$bad" ]; then
		exec 5</proc/thread-self/fail-nth
		echo $BIG >&4
		echo "$value" 2>/dev/null >"$PDT$node/status"
		read -r left <&5
		echo 0 >&4
		T=$((BIG - left))
		write "$before" || bad="could not write $before back after counting: $err"
	fi
	listed=$(points | tr '\n' ' ')
	tail_from=1
	[ "$T" -gt "$FIRST" ] && tail_from=$((T + 1))
	read -r taint0 </proc/sys/kernel/tainted
	# shellcheck disable=SC2086
	set -- $listed
	n=
	while [ -z "$bad" ] && [ -z "$done" ]; do
		if [ $# -gt 0 ]; then
			n=$1
			shift
		elif [ -n "${FAULT_POINTS:-}" ]; then
			break
		else
			if [ -z "$n" ] || [ "$n" -lt "$tail_from" ]; then n=$tail_from; else n=$((n + 1)); fi
			if [ "$n" -gt $((T + TAIL_MAX)) ]; then
				bad="no write completed by point $n (T = $T)"
				break
			fi
		fi
		echo "$path $op n=$n" >/tmp/fi.beat
		point "$n"
		if [ "$left" != 0 ]; then
			# no failure injected: the write completed as it would
			[ -n "${FAULT_POINTS:-}" ] || done=$n
		else
			swept=$((swept + 1))
			case $msg in *"can't create"* | *"can't open"*) opens=$((opens + 1)) ;; esac
		fi
		echo "$n $rc $left $msg" >>/tmp/fi.log
		last=$n
		if ! check_point; then
			bad="point $n (the write returned $rc${msg:+: ${msg##*: }}): $why"
			ktap_print_msg "$path $op: $bad; the kernel log since the point:"
			log_since "$n"
		fi
		read -r taint </proc/sys/kernel/tainted
		if [ "$taint" != "$taint0" ]; then
			ktap_print_msg "$path $op: the kernel became tainted ($taint0 -> $taint) at point $n${bad:+ (its log above)}"
			[ -n "$bad" ] || log_since "$n"
			tainted="$tainted $n"
			taint0=$taint
		fi
	done
	t1=$(now)
	# device_of, once more: the devices are where the sweep looked for them
	if [ -z "$bad" ] && [ "$probe_fails" != 1 ]; then
		status
		d=$(device_of "$node")
		[ "${d%/uevent}" = "$([ "$s" = okay ] && echo "$dev")" ] ||
			bad="device_of $node: ${d:-none}, status $s"
	fi
	# the errors the writes returned with a failure injected, by message
	errors=$(awk '$3 == 0 { $1 = $2 = $3 = ""; sub(/^ +/, ""); sub(/.*: /, ""); m[$0 == "" ? "0 (success)" : $0]++ }
		END { for (e in m) { printf "%s%s x%d", sep, e, m[e]; sep = ", " } }' /tmp/fi.log)
	if [ -n "${FAULT_POINTS:-}" ]; then
		how="the points asked: $FAULT_POINTS"
	elif [ "$T" -gt "$FIRST" ]; then
		how="1-$FIRST, $SAMPLE drawn from $((FIRST + 1))-$T with FAULT_SEED=$SEED: $(echo $listed | cut -d' ' -f$((FIRST + 1))-), then on from $((T + 1))"
	else
		how="1 on"
	fi
	ktap_print_msg "$path $op: T=$T allocations in a write with none failed; $swept failure points swept ($how;" \
		"the last $last${done:+, completed at $done}), $opens of them in the open of the status file;" \
		"${children:+after $unbound a child had no driver (its probe failed: not the write's);}" \
		"the writes with a failure returned: ${errors:-nothing}; $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s"
	ktap_test_result "$path $op: $swept failure points swept, at least 5 (the injection reached the write)" \
		[ "$swept" -ge 5 ]
	if [ -z "$bad" ] && [ -z "$done" ] && [ -z "${FAULT_POINTS:-}" ]; then
		bad="the sweep did not end"
	fi
	[ -z "$tainted" ] || bad="${bad:+$bad; }the kernel became tainted at point$tainted"
	ok=1
	[ -z "$bad" ] || ok=0
	ktap_test_result "$path $op: after each point the write returned 0 or an error, the status and the devices agreed, a clean cycle worked and left the board as before${bad:+ ($bad)}" \
		[ $ok = 1 ]
}

# watchdog: a write that never returns (a lock left held on an error path)
# would hold the boot to its timeout: with no progress for 150 s, the
# blocked tasks' stacks to the log, the log to the console, power off
watchdog() {
	prev= stuck=0
	while sleep 30; do
		read -r cur </tmp/fi.beat
		if [ "$cur" = "$prev" ]; then stuck=$((stuck + 30)); else stuck=0; fi
		prev=$cur
		if [ $stuck -ge 150 ]; then
			echo "# fail-nth: no progress for $stuck s at $cur; the blocked tasks:"
			echo w >/proc/sysrq-trigger
			sleep 2
			dmesg | tail -n 100 | sed 's/^/#   /'
			echo o >/proc/sysrq-trigger
		fi
	done
}

ktap_print_header
if ! setup_faults; then
	ktap_print_msg "fault injection: ${why:-its debugfs files cannot be set}"
	ktap_set_plan 1
	ktap_test_fail "fault injection is there and set up (CONFIG_FAULT_INJECTION, FAILSLAB, FAIL_PAGE_ALLOC, FAULT_INJECTION_DEBUG_FS; slab_nomerge)"
	ktap_finished
fi
ktap_set_plan 4
exec 4>/proc/thread-self/fail-nth
echo start >/tmp/fi.beat
watchdog &
wd=$!
probe_fails=0 children= parent_dev=
case $path in
platform)
	sweep attach $LEDS okay reserved
	sweep detach $LEDS reserved okay ;;
i2c)
	parent_dev=$I2C_ADAP
	sweep attach $SENSOR okay reserved
	sweep detach $SENSOR reserved okay ;;
flash)
	# the flash is blank (scripts/guest-run.sh's scratch file): the
	# AST2600's read-timing calibration stops at once (board/*/nodes.sh)
	parent_dev=$SPI_CTLR
	sweep attach $FLASH okay reserved
	sweep detach $FLASH reserved okay ;;
subtree)
	for f in $STATUS_FILES; do
		f=${f%/status}
		tr '\000' '\n' 2>/dev/null <"$f/compatible" | grep -qx simple-bus && break
		f=
	done
	SUBTREE=${f#"$PDT"}
	[ -n "$SUBTREE" ] || ktap_print_msg "no dynamic simple-bus on this board"
	children=$(find "$PDT$SUBTREE" -mindepth 1 -maxdepth 1 -type d | sed "s|^$PDT||" | sort)
	sweep attach "${SUBTREE:-/no-dynamic-simple-bus}" okay reserved
	sweep detach "${SUBTREE:-/no-dynamic-simple-bus}" reserved okay ;;
rejected)
	sweep "invalid value" $LEDS ok reserved
	parent_dev=$SPI_CTLR probe_fails=1
	sweep "okay, probe fails" $FLASH_NOCHIP okay reserved ;;
*)
	kill $wd
	echo "fail-nth.sh: no path $path" >&2
	exit 2 ;;
esac
kill $wd
ktap_finished
