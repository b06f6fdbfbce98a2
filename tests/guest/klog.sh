# shellcheck shell=sh
# Sourced (not a test): the kernel-log scans of the guest runners
# (runner.sh, after each script) and of /init (board/initramfs/init, once
# the runner exited and the filesystems were synced: the log is read to its
# very end). klog_scan NAME reads the log written since the previous scan
# (dmesg -c) and prints, for each report, "# kernel-log: NAME: LINE" (BUG,
# WARNING, Oops, lockdep, KASAN, kmemleak, hung-task and RCU stall reports,
# the "Hardware name:" line of every backtrace, device-tree refcount errors,
# duplicate sysfs names, device links that could not be made, a dmesg that
# failed, a kernel that became tainted, lockdep turned off), then
# "# kernel-log-checked: NAME LINES". klog_final NAME scans a last time and
# prints "# kernel-log-summary: N scans, M reports", the counts of all the
# scans of the boot: tests/ktap.py fails a console on which it finds other
# counts (a line split by kernel output) or no summary.
# (kmemleak's own summary line is left to kmemleak.sh, which reads the
# report and leaves out the objects leaked at boot, before init ran.)
KLOG_PATTERNS='BUG:|WARNING:|Oops|Unable to handle|possible recursive locking|circular locking dependency|inconsistent lock state|lock held when returning|KASAN:|UBSAN:|blocked for more than|refcount_t:|sleeping function called from invalid context|unreferenced object|list_(add|del) corruption|kernel BUG|OF: ERROR|sysfs: cannot create duplicate filename|Hardware name:|rcu: INFO:|self-detected stall|detected stalls|Failed to create device link'

# The overlays that the series' KUnit suites apply at boot to the board's
# nodes get this warning from overlay.c each (it is about the memory of an
# overlay's properties on nodes it did not add, which stays allocated).
KLOG_EXPECTED='OF: overlay: WARNING: memory leak will occur if overlay removed, property: '

# The counts of the boot so far, shared by the runner and /init:
# "SCANS REPORTS TAINT LOCKDEP_OFF"
KLOG_STATE=${KLOG_STATE:-/tmp/klog.state}
KLOG_TAINTED=${KLOG_TAINTED:-/proc/sys/kernel/tainted}

klog_load() {
	if [ -s "$KLOG_STATE" ]; then
		read -r KLOG_SCANS KLOG_REPORTS TAINT_LAST LOCKDEP_OFF <"$KLOG_STATE"
	else
		# KUnit taints the kernel it runs in (TAINT_TEST, "N"); any other
		# taint at boot is reported
		KLOG_SCANS=0 KLOG_REPORTS=0 LOCKDEP_OFF=0
		TAINT_LAST=$(($(cat "$KLOG_TAINTED") & 262144))
	fi
}

klog_scan() {
	klog_load
	log=${TMPDIR:-/tmp}/klog.$$
	hits=$log.hits
	: >"$hits"
	if ! dmesg -c >"$log" 2>"$log.err"; then
		echo "# kernel-log: $1: dmesg -c failed: $(head -n 1 "$log.err")" >>"$hits"
	fi
	grep -vF "$KLOG_EXPECTED" "$log" | grep -E "$KLOG_PATTERNS" | head -20 |
		sed "s|^|# kernel-log: $1: |" >>"$hits"
	t=$(cat "$KLOG_TAINTED")
	[ "$t" = "$TAINT_LAST" ] || echo "# kernel-log: $1: the kernel is tainted ($t)" >>"$hits"
	TAINT_LAST=$t
	if [ -r /proc/lockdep_stats ] && grep -q 'debug_locks: *0' /proc/lockdep_stats; then
		[ "$LOCKDEP_OFF" = 1 ] ||
			echo "# kernel-log: $1: lockdep turned itself off (debug_locks 0)" >>"$hits"
		LOCKDEP_OFF=1
	fi
	cat "$hits"
	KLOG_SCANS=$((KLOG_SCANS + 1))
	KLOG_REPORTS=$((KLOG_REPORTS + $(wc -l <"$hits")))
	echo "# kernel-log-checked: $1 $(wc -l <"$log")"
	echo "$KLOG_SCANS $KLOG_REPORTS $TAINT_LAST $LOCKDEP_OFF" >"$KLOG_STATE"
	rm -f "$log" "$log.err" "$hits"
}

# klog_final NAME: the last scan of the boot, and the summary of all
klog_final() {
	klog_scan "$1"
	echo "# kernel-log-summary: $KLOG_SCANS scans, $KLOG_REPORTS reports"
}
