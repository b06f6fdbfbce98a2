#!/bin/sh
# In the guest, KASAN kernel, a boot of its own (tests/suites/reliability.sh
# boots it with kunit.enable=1 and a filter that picks KASAN's own KUnit
# cases kmalloc_oob* and kmalloc_uaf*): among them, a write past the end of
# a kmalloc'd object (kmalloc_oob_right) and a read after kfree()
# (kmalloc_uaf) must each be reported by KASAN; a case passes only when its
# report came. Not run through runner.sh: its log scan would (rightly) fail
# on these reports. KTAP.
. /guest/files/kselftest/ktap_helpers.sh

log=/tmp/kasan-teeth.log
dmesg >$log

# reported NAME BUG: KASAN reported "BUG: KASAN: BUG in NAME"
# (ktap_test_result runs its command unquoted: single words only)
reported() { grep -q "BUG: KASAN: $2 in $1" $log; }
# kunit_result NAME [not ]: KUnit printed the result line "ok N NAME"
# (or, with "not ", either result line)
kunit_result() { grep -qE "^\[ *[0-9.]+\] +${2:+(not )?}ok [0-9]+ $1\$" $log; }

# case_reported NAME BUG: the KUnit case NAME passed, and KASAN reported BUG in it
case_reported() {
	if kunit_result "$1" "not "; then
		ktap_test_result "KUnit kasan.$1 passed (it checks that KASAN reported)" kunit_result "$1"
	else
		ktap_test_fail "KUnit kasan.$1 passed (it did not run)"
	fi
	ktap_test_result "the kernel log has \"BUG: KASAN: $2 in $1\"" reported "$1" "$2"
}

ktap_print_header
ktap_set_plan 5
case_reported kmalloc_oob_right slab-out-of-bounds
case_reported kmalloc_uaf slab-use-after-free
grep -E 'BUG: KASAN|(not )?ok [0-9]+ kmalloc_(oob_right|uaf)$' $log | head -30 | sed 's/^/# /'
# every case the filter picked passed, and the boot before them tripped
# KASAN nowhere
ran=$(grep -cE '^\[ *[0-9.]+\] +ok [0-9]+ kmalloc_' $log)
failed=$(grep -cE '^\[ *[0-9.]+\] +not ok [0-9]+ kmalloc_' $log)
before=$(sed '/# Subtest: kasan/q' $log | grep -c 'BUG: KASAN')
ktap_test_result "the other KASAN cases picked passed ($ran passed, $failed failed), no KASAN report before them ($before)" \
	[ "$ran" -ge 2 -a "$failed" = 0 -a "$before" = 0 ]
ktap_finished
