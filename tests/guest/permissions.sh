#!/bin/sh
# In the guest (R5): only root writes, only the status of dynamic nodes.
. /guest/files/kselftest/ktap_helpers.sh

PDT=/proc/device-tree
DYN=$PDT/leds
ktap_print_header
ktap_set_plan 4

before=$(tr -d '\000' <$DYN/status)
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if ! nobody sh -c '[ "$(id -u)" = 65534 ]'; then
	ktap_test_fail "a non-root write to a dynamic status is refused (setpriv cannot drop root)"
elif nobody sh -c "printf okay >$DYN/status" 2>/dev/null; then
	ktap_test_fail "a non-root write to a dynamic status is refused"
else
	ktap_test_result "a non-root write to a dynamic status is refused" \
		[ "$(tr -d '\000' <$DYN/status)" = "$before" ]
fi
plain=$PDT/ahb/spi@1e630000/status
if printf disabled 2>/dev/null >$plain; then
	ktap_test_fail "a root write to the status of a node without dynamic is refused"
else
	ktap_test_result "a root write to the status of a node without dynamic is refused" \
		[ "$(tr -d '\000' <$plain)" = okay ]
fi
compat=$(tr -d '\000' <$DYN/compatible)
if printf foo 2>/dev/null >$DYN/compatible; then
	ktap_test_fail "a root write to another property of a dynamic node is refused"
else
	ktap_test_result "a root write to another property of a dynamic node is refused" \
		[ "$(tr -d '\000' <$DYN/compatible)" = "$compat" ]
fi
if printf foo 2>/dev/null >$DYN/dynamic; then
	ktap_test_fail "a root write to the dynamic property itself is refused"
else
	ktap_test_result "a root write to the dynamic property itself is refused" \
		[ ! -s $DYN/dynamic ]
fi
ktap_finished
