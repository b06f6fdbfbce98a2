#!/bin/sh
# In the guest, debug kernel: the series' KUnit suites, built in and run at
# boot: of_dynamic_status (the core on a test bus, as on UML) and
# of_dynamic_status_live (random writes, changesets and overlays on this
# board's dynamic nodes, with the real platform, I2C and SPI drivers, the
# device checked against the status after every step). Their results are
# read from debugfs and printed as KTAP, one line per case.
. /guest/files/kselftest/ktap_helpers.sh

D=/sys/kernel/debug/kunit
SUITES="of_dynamic_status of_dynamic_status_live"

ktap_print_header
n=0
for s in $SUITES; do
	c=$(grep -cE '^[[:space:]]+(not )?ok [0-9]+ ' $D/$s/results 2>/dev/null)
	n=$((n + ${c:-0} + 1))
done
ktap_set_plan $n

for s in $SUITES; do
	if [ ! -r $D/$s/results ]; then
		ktap_test_fail "$s: ran at boot (no $D/$s/results)"
		continue
	fi
	# the seeds and the nodes the live suite found
	grep -E '^[[:space:]]+# .*(seed|node /)' $D/$s/results | sed 's/^[[:space:]]*# /# /'
	grep -E '^[[:space:]]+(not )?ok [0-9]+ ' $D/$s/results >/tmp/kunit.cases
	while read -r line; do
		name=$(echo "$line" | sed -E 's/^(not )?ok [0-9]+ ([^ #]+).*/\2/')
		case $line in
		"not ok "*) ktap_test_fail "$s.$name" ;;
		*"# SKIP"*) ktap_test_skip "$s.$name (${line#*# SKIP})" ;;
		*) ktap_test_pass "$s.$name" ;;
		esac
	done </tmp/kunit.cases
	if grep -qE "^ok [0-9]+ $s( |\$)" $D/$s/results; then
		ktap_test_pass "$s: suite completed"
	else
		ktap_test_fail "$s: suite completed"
	fi
done
ktap_finished
