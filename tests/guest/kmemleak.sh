#!/bin/sh
# In the guest: kmemleak's report after everything else ran (debug kernel
# only; skips when kmemleak is not there).
. /guest/files/kselftest/ktap_helpers.sh

K=/sys/kernel/debug/kmemleak
ktap_print_header
if [ ! -w $K ]; then
	ktap_skip_all "kmemleak is not enabled"
	exit 0
fi
ktap_set_plan 1
echo scan >$K
sleep 5
echo scan >$K
leaks=$(grep -c '^unreferenced object' $K)
grep -A12 '^unreferenced object' $K | head -60 | sed 's/^/# /'
ktap_test_result "kmemleak reports no leak ($leaks)" [ "$leaks" = 0 ]
ktap_finished
