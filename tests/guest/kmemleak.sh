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
# Objects allocated by the boot CPU's idle task (pid 0) before init ran are
# boot-time leaks of other drivers (the ASPEED I2C interrupt controller's
# domain name is one), not of this run.
boot=$(grep -A1 '^unreferenced object' $K | grep -c 'comm "swapper/0", pid 0,')
total=$(grep -c '^unreferenced object' $K)
leaks=$((total - boot))
awk '/^unreferenced object/ { keep = 1 } keep' $K | head -60 | sed 's/^/# /'
ktap_test_result "kmemleak reports no leak after boot ($leaks; $boot from boot left out)" [ "$leaks" = 0 ]
ktap_finished
