#!/bin/sh
# In the guest: a GPIO hog (of_gpio_notify()) follows the status of its
# dynamic node: "okay" takes the line, "reserved" and "disabled" release
# it. The line's consumer shows in /sys/kernel/debug/gpio.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

F=$PDT$HOG/status
G=/sys/kernel/debug/gpio
hogged() { grep -q 'dynamic-hog' $G; }
released_and() { [ "$(node_status $HOG)" = "$1" ] && ! hogged; }

ktap_print_header
ktap_set_plan 3
[ -r $G ] || ktap_exit_fail_msg "no $G"
ktap_test_result "the hog is not taken at boot (status reserved)" released_and reserved
ok=1
for v in okay reserved okay disabled; do
	echo $v >$F || ok=0
	case $v in
	okay) hogged || ok=0 ;;
	*) hogged && ok=0 ;;
	esac
	[ $ok = 1 ] || { ktap_print_msg "after $v: $(grep -i hog $G)"; break; }
done
ktap_test_result "okay takes the line, reserved and disabled release it" [ $ok = 1 ]
echo reserved >$F
ktap_test_result "status back to reserved, line released" released_and reserved
ktap_finished
