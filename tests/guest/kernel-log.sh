#!/bin/sh
# In the guest: nothing alarming in the kernel log. Run last.
. /guest/files/kselftest/ktap_helpers.sh

ktap_print_header
ktap_set_plan 1
hits=$(dmesg | grep -E 'BUG:|WARNING:|Oops|Unable to handle|possible recursive locking|circular locking dependency|inconsistent lock state|KASAN:|blocked for more than|refcount_t:|sleeping function called from invalid context|unreferenced object' | head -20)
if [ -z "$hits" ]; then
	ktap_test_pass "kernel log has no BUG, WARNING, Oops, lockdep, KASAN or kmemleak report"
else
	echo "$hits" | sed 's/^/# /'
	ktap_test_fail "kernel log has no BUG, WARNING, Oops, lockdep, KASAN or kmemleak report"
fi
ktap_finished
