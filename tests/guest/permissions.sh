#!/bin/sh
# In the guest (R5): only root writes, only the status of dynamic nodes.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

DYN=$PDT$LEDS
ktap_print_header
ktap_set_plan 4

before=$(tr -d '\000' <$DYN/status)
# nobody CMD: CMD run by sh as user nobody (busybox su; busybox's setpriv
# cannot change the user)
mkdir -p /etc
grep -q '^root:' /etc/passwd 2>/dev/null || echo 'root:x:0:0:root:/:/bin/sh' >>/etc/passwd
grep -q '^nobody:' /etc/passwd || echo 'nobody:x:65534:65534:nobody:/:/bin/sh' >>/etc/passwd
grep -q '^nogroup:' /etc/group 2>/dev/null || echo 'nogroup:x:65534:' >>/etc/group
nobody() { su -s /bin/sh -c "$1" nobody; }
if [ "$(nobody 'id -u')" != 65534 ]; then
	ktap_test_fail "a non-root write to a dynamic status is refused (cannot run as nobody)"
elif nobody "printf okay >$DYN/status" 2>/dev/null; then
	ktap_test_fail "a non-root write to a dynamic status is refused"
else
	ktap_test_result "a non-root write to a dynamic status is refused" \
		[ "$(tr -d '\000' <$DYN/status)" = "$before" ]
fi
plain=$PDT${FLASH%/*}/status
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
