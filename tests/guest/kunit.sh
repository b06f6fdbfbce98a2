#!/bin/sh
# In the guest, KASAN kernel: the series' KUnit suites, built in and run at
# boot: of_dynamic_status (the core on a test bus, as on UML) and
# of_dynamic_status_live (random writes, changesets and overlays on this
# board's dynamic nodes, with the real platform, I2C and SPI drivers, the
# device checked against the status after every step). Their results are
# read from debugfs and printed as KTAP, one line per case, and judged
# against the cases each suite declares in the kernel source: the host
# counts them (scripts/kunit-cases.py) into /guest/files/kunit.cases
# ("SUITE COUNT" lines), and a suite that ran fewer, or more, fails.
F=${GUEST_FILES_DIR:-/guest/files}
. $F/kselftest/ktap_helpers.sh

D=${KUNIT_DEBUGFS:-/sys/kernel/debug/kunit}
CASES=$F/kunit.cases

ktap_print_header
[ -s $CASES ] || ktap_exit_fail_msg "no declared KUnit cases ($CASES, scripts/guest-files.sh)"
# each suite: its declared cases, all ran, completed
n=0
while read -r s want; do
	n=$((n + want + 2))
done <$CASES
ktap_set_plan $n

while read -r s want; do
	if [ ! -r $D/$s/results ]; then
		ktap_print_msg "$s: no $D/$s/results"
		i=0
		while [ $i -lt "$want" ]; do
			i=$((i + 1))
			ktap_test_fail "$s: case $i of $want"
		done
		ktap_test_fail "$s: ran at boot (no results in debugfs)"
		ktap_test_fail "$s: suite completed"
		continue
	fi
	# the seeds and the nodes the live suite found
	grep -E '^[[:space:]]+# .*(seed|node /)' $D/$s/results | sed 's/^[[:space:]]*# /# /'
	# the case lines (a parameterized case's own parameters are indented
	# further, as KUNIT_SUBSUBTEST_INDENT)
	grep -E '^    (not )?ok [0-9]+ ' $D/$s/results >/tmp/kunit.cases
	ran=$(grep -c . /tmp/kunit.cases)
	while read -r line; do
		name=$(echo "$line" | sed -E 's/^(not )?ok [0-9]+ ([^ #]+).*/\2/')
		case $line in
		"not ok "*) ktap_test_fail "$s.$name" ;;
		*"# SKIP"*) ktap_test_skip "$s.$name (${line#*# SKIP})" ;;
		*) ktap_test_pass "$s.$name" ;;
		esac
	done </tmp/kunit.cases
	# fewer case lines than declared: the missing ones fail, so that the
	# count matches the plan
	i=$ran
	while [ $i -lt "$want" ]; do
		i=$((i + 1))
		ktap_test_fail "$s: declared case $i of $want did not run"
	done
	if [ "$ran" = "$want" ]; then
		ktap_test_pass "$s: ran the $want cases its source declares"
	else
		ktap_test_fail "$s: ran $ran of the $want cases its source declares"
	fi
	if grep -qE "^ok [0-9]+ $s( |\$)" $D/$s/results; then
		ktap_test_pass "$s: suite completed"
	else
		ktap_test_fail "$s: suite completed"
	fi
done <$CASES
ktap_finished
