#!/bin/sh
# In the guest: kmemleak's report after everything else ran. Only the debug
# kernel runs it, which has kmemleak: a kmemleak that is missing, or a scan
# that fails, is a failure, not "no leak".
. /guest/files/kselftest/ktap_helpers.sh

K=/sys/kernel/debug/kmemleak
ktap_print_header
ktap_set_plan 2
if [ -w $K ] && echo scan >$K && sleep 5 && echo scan >$K; then
	ktap_test_pass "kmemleak is on and scans"
else
	ktap_test_fail "kmemleak is on and scans"
	ktap_test_fail "kmemleak reports no leak after boot (no kmemleak)"
	ktap_finished
fi
# Objects allocated by the boot CPU's idle task (pid 0) before init ran are
# boot-time leaks of other drivers (the ASPEED I2C interrupt controller's
# domain name is one), not of this run.
boot=$(grep -A1 '^unreferenced object' $K | grep -c 'comm "swapper/0", pid 0,')
total=$(grep -c '^unreferenced object' $K)
leaks=$((total - boot))
awk '/^unreferenced object/ { keep = 1 } keep' $K | head -60 | sed 's/^/# /'
ktap_test_result "kmemleak reports no leak after boot ($leaks; $boot from boot left out)" [ "$leaks" = 0 ]
ktap_finished
