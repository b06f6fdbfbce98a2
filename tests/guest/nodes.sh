#!/bin/sh
# Sourced by the in-guest tests (not a test): a device tree node's status
# and the device the platform, I2C or SPI bus created for it.
PDT=/proc/device-tree

# The dynamic nodes of the boards' test DTS and their parents' devices.
# Both boards put them at the same paths but for the I2C sensor's bus:
# board/<board>/nodes.sh, which scripts/guest-files.sh copies as board.sh,
# sets BOARD, SENSOR, SENSOR_NOCHIP and I2C_ADAP, and the board's settings.
FLASH=/ahb/spi@1e630000/flash@0                     # host BIOS flash, SPI1 CS0
FLASH_NOCHIP=/ahb/spi@1e630000/flash@1              # SPI1 CS1: no chip there
LEDS=/leds                                          # gpio-leds, platform bus
HOG=/ahb/apb/gpio@1e780000/test-hog                 # GPIO hog, of_gpio_notify()
SPI_CTLR=1e630000.spi
. /guest/files/board.sh

# node_status NODE: the status of NODE, without its NUL
node_status() { tr -d '\000' <"$PDT$1/status"; }

# device_of NODE: the uevent file of NODE's device; nothing if it has none
device_of() {
	grep -lx "OF_FULLNAME=$1" /sys/bus/platform/devices/*/uevent \
		/sys/bus/i2c/devices/*/uevent /sys/bus/spi/devices/*/uevent 2>/dev/null | head -1
}

# has_driver NODE: NODE's device exists and a driver is bound to it
has_driver() { d=$(device_of "$1") && [ -n "$d" ] && [ -e "$(dirname "$d")/driver" ]; }

# bios_mtd: the MTD device of the host flash ("mtdN"); nothing if detached
bios_mtd() { grep '"bios"' /proc/mtd | cut -d: -f1; }

# The host flash mux: line BMC_SPI_SEL, pin 0 of the PCA9552 on I2C bus 7
# (board/qemu.sh). Pulled up at power-on, it selects the host; driven low,
# the BMC. Driven with libgpiod's gpioset, as OpenBMC does: mux bmc|host
MUX_LINE=BMC_SPI_SEL
mux() {
	case $1 in
	bmc) gpioset $(gpiofind $MUX_LINE)=0 ;;
	host) gpioset $(gpiofind $MUX_LINE)=1 ;;
	*) return 2 ;;
	esac
}

# slab_bytes: bytes of slab objects in use (/proc/slabinfo: active objects
# times object size). SLUB's /proc/slabinfo counts as in use the free
# objects that wait in the CPUs' sheaves and in the barn of full sheaves,
# up to hundreds per cache: every cache is shrunk first
# (kmem_cache_shrink() hands them back; with KASAN, it also empties the
# quarantine of freed objects, which would count as in use until it
# overflows). An allocation between a cache's shrink and the reading (the
# readings allocate too, and so do the kernel's own workers) refills a
# sheaf again: so five readings a second apart, on CPU 0 (the same sheaves
# each time), and the smallest figure of each cache. On the AST2600, single
# readings from either CPU moved by up to 100 kB.
# Left out: the caches of tasks and processes, which grow with the workers
# that device_link_wq and the workqueue pools start and reap on their own
# schedule (see endurance.sh); the dentry and inode caches, which follow
# what the shell looked up and what drop_caches could prune (no node writes
# a dentry of its own: a sysfs entry left behind shows in
# kernfs_node_cache); and vmap_area, whose objects of freed vmalloc areas
# are purged lazily, in batches (lazy_max_pages()): 1,000 cycles of riser
# card A with a process reading hwmon at each left 118 kB there and
# nothing elsewhere. The figure of each cache counted goes to
# /tmp/slab.caches ("NAME BYTES").
slab_bytes() {
	# device links and kobjects are released asynchronously: let them go
	sleep 3
	# dentries and inodes dropped here are freed after an RCU grace period
	echo 3 >/proc/sys/vm/drop_caches
	sleep 1
	taskset 1 sh -c 'for i in 1 2 3 4 5; do
		[ $i = 1 ] || sleep 1
		for f in /sys/kernel/slab/*/shrink; do echo 1 >"$f"; done 2>/dev/null
		cat /proc/slabinfo >/tmp/slabinfo.r$i
	done'
	awk 'FNR > 2 && $1 !~ /^(task_struct|signal_cache|sighand_cache|pid|files_cache|fs_cache|mm_struct|vm_area_struct|anon_vma|anon_vma_chain|cred_jar|task_delay_info|audit_buffer|vmap_area|dentry|inode_cache|proc_inode_cache|shmem_inode_cache)$/ {
		b = $2 * $4; if (!($1 in m) || b < m[$1]) m[$1] = b }
		END { for (c in m) { s += m[c]; print c, m[c] >"/tmp/slab.caches" }
			printf "%d\n", s }' /tmp/slabinfo.r[1-5]
}
