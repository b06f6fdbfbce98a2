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

klog_scan() {
	log=/tmp/klog.$$
	dmesg -c >$log 2>/dev/null
	grep -E "$KLOG_PATTERNS" $log | head -20 | sed "s|^|# kernel-log: $1: |"
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

TAINT_LAST=0
klog_scan boot
