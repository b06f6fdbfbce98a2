# shellcheck shell=sh
# Sourced by the guest runners (run-*.sh). run SCRIPT [ARGS] runs a test
# script the way kselftest's runner does, its exit status part of the
# verdict (0 pass, 4 skip), and then reads the kernel log written since the
# previous script (dmesg -c): BUG, WARNING, Oops, lockdep, KASAN, kmemleak
# and hung-task reports, a kernel that became tainted, lockdep turned off.
# (kmemleak's own summary line is left to kmemleak.sh, which reads the
# report and leaves out the objects leaked at boot, before init ran.)
# The host reads the markers it prints (tests/ktap.py).
rc=0
KLOG_PATTERNS='BUG:|WARNING:|Oops|Unable to handle|possible recursive locking|circular locking dependency|inconsistent lock state|lock held when returning|KASAN:|UBSAN:|blocked for more than|refcount_t:|sleeping function called from invalid context|unreferenced object|list_(add|del) corruption|kernel BUG'

# The overlays that the series' KUnit suites apply at boot to the board's
# nodes get this warning from overlay.c each (it is about the memory of an
# overlay's properties on nodes it did not add, which stays allocated).
KLOG_EXPECTED='OF: overlay: WARNING: memory leak will occur if overlay removed, property: '

klog_scan() {
	log=/tmp/klog.$$
	dmesg -c >$log 2>/dev/null
	grep -vF "$KLOG_EXPECTED" $log | grep -E "$KLOG_PATTERNS" | head -20 |
		sed "s|^|# kernel-log: $1: |"
	t=$(cat /proc/sys/kernel/tainted)
	[ "$t" = "$TAINT_LAST" ] || echo "# kernel-log: $1: the kernel is tainted ($t)"
	TAINT_LAST=$t
	if [ -r /proc/lockdep_stats ] && grep -q 'debug_locks: *0' /proc/lockdep_stats; then
		[ "$LOCKDEP_OFF" = 1 ] || echo "# kernel-log: $1: lockdep turned itself off (debug_locks 0)"
		LOCKDEP_OFF=1
	fi
	echo "# kernel-log-checked: $1 $(wc -l <$log)"
	rm -f $log
}

run() {
	echo "# script: $1"
	sh "./$@"
	r=$?
	echo "# exit: $1 $r"
	[ $r -eq 0 ] || [ $r -eq 4 ] || rc=1
	klog_scan "$1"
}

# KUnit taints the kernel it runs in (TAINT_TEST, "N"); any other taint
# at boot is reported
TAINT_LAST=$(($(cat /proc/sys/kernel/tainted) & 262144))
klog_scan boot
