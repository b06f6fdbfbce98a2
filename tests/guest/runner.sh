# shellcheck shell=sh
# Sourced by the guest runners (run-*.sh). run SCRIPT [ARGS] runs a test
# script the way kselftest's runner does, its exit status part of the
# verdict (0 pass, 4 skip), and then reads the kernel log written since the
# previous script (klog_scan, klog.sh). /init reads it a last time after
# the runner exited and prints the count of scans and reports. The host
# reads the markers they print (tests/ktap.py).
rc=0
. ./klog.sh

run() {
	echo "# script: $1"
	sh "./$@"
	r=$?
	echo "# exit: $1 $r"
	[ $r -eq 0 ] || [ $r -eq 4 ] || rc=1
	klog_scan "$1"
}

klog_scan boot
