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
. "${GUEST_FILES_DIR:-/guest/files}/board.sh"

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
# schedule; the dentry and inode caches, which follow
# what the shell looked up and what drop_caches could prune (no node writes
# a dentry of its own: a sysfs entry left behind shows in
# kernfs_node_cache); and vmap_area, whose objects of freed vmalloc areas
# are purged lazily, in batches (lazy_max_pages()): 1,000 cycles of riser
# card A with a process reading hwmon at each left 118 kB there and
# nothing elsewhere. The figure of each cache counted goes to
# /tmp/slab.caches ("NAME BYTES"). A measure of size (bench P5), not of
# leaks: leaks are counted (slab_counts, leak_check below).
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

# Leaks, counted. CONFIG_SLUB_STATS counts, per cache and per CPU, every
# allocation and every free a caller makes (mm/slub.c, stat()):
# alloc_fastpath (from a CPU's sheaf) and alloc_slowpath (from a slab;
# also each object of a bulk allocation that bypasses the sheaves);
# free_fastpath (to a CPU's sheaf), free_slowpath (to a slab; with KASAN,
# when the quarantine lets the object go) and free_rcu_sheaf (kfree_rcu()
# into an RCU sheaf, counted at the call). What SLUB moves between
# sheaves, the barn and slabs (sheaf_refill, sheaf_flush, barn_*) is not
# counted there, so these figures do not move with the sheaves, as the
# objects in use of /proc/slabinfo do. Each file's first number is the sum
# over the CPUs. Allocations minus frees is the number of objects the
# cache's users hold: its change over a batch of cycles, divided by the
# cycles, is what a cycle leaves behind, to the object.
# Not judged: maple_node, whose allocations from prefilled sheaves
# (kmem_cache_alloc_from_sheaf(), lib/maple_tree.c) count no alloc_*;
# vmap_area, whose objects vfree() gives back lazily, in batches
# (lazy_max_pages(): a process started per cycle, whose stack is
# vmalloc()ed, leaves some there until the next purge); and, with
# CONFIG_DEBUG_OBJECTS (the KASAN kernel), debug_objects_cache, whose
# objects wait in debugobjects' own pool, filled in batches and trimmed by
# a worker (+0.8 per flash cycle over 100 cycles, no leak); and, with
# kmemleak (the same kernel), kmemleak_object and kmemleak_scan_area,
# kmemleak's record of each allocation it tracks, freed through call_rcu()
# and then, with KASAN, the quarantine (+0.6 per flash cycle over 100
# cycles with every other cache flat): the allocations themselves are
# judged in their own caches, and kmemleak judges them too. A vmalloc()
# left behind still shows: its vm_struct is a kmalloc object. With slab
# merging, the cache those share with others (nsproxy...) is not judged
# either.
# With KASAN, an object that kfree_rcu() put in an RCU sheaf counts twice
# (free_rcu_sheaf at the call, free_slowpath when the quarantine lets it
# go, mm/slub.c rcu_free_sheaf()): a cache whose objects go that way
# loses objects in the figures (kmalloc-128 there, about 850 per
# reading: each sysfs file a reading opens kfree_rcu()s its kernfs open
# node, which lockdep makes a kmalloc-128 object), which can hide a leak
# in it, never invent one; kmemleak judges on that kernel.
# Not seen at all: kmalloc() beyond two pages (the page allocator's) and
# KFENCE's objects (not in these kernels). The counters are per-CPU
# increments that an interrupt on the same CPU may race (mm/slub.c takes
# that): an object now and then, far from one per cycle.
#
# The limit: a cache that gains LEAK_LIMIT objects per cycle or more over a
# batch fails. One object left behind per cycle (a kmalloc(16): kmalloc-64
# on these kernels) is 1 per cycle; what the kernel does in the background
# meanwhile (a workqueue worker started or reaped: a few objects in a few
# caches) is a few objects per batch, well under LEAK_LIMIT times a batch of
# a few dozen cycles.
LEAK_LIMIT=0.5

# slab_counts FILE: the counters of every cache, once per cache (merged
# caches are one directory in /sys/kernel/slab, their names symlinks to
# it): "DIR ALLOC_FASTPATH ALLOC_SLOWPATH FREE_FASTPATH FREE_SLOWPATH
# FREE_RCU_SHEAF OBJECT_SIZE NAMES" lines into FILE (NAMES: the names
# linked to DIR, comma-separated, "-" when none), once what the cycles
# left to be freed later is freed: device links (device_link_wq, after an
# SRCU grace period) and kobjects, released asynchronously; the dentries
# and inodes of sysfs files that are gone, which stay cached, and keep
# their kernfs nodes, until dropped: one drop frees about one level of a
# directory tree that went away (a dentry keeps its parent, an inode
# stays until a later drop), so drop_caches is written until three drops
# in a row free nothing (riser card A's devices took five); then an RCU
# grace period, after which dentries, inodes, tasks and
# call_rcu()/kfree_rcu() objects are freed. Each cache is shrunk just
# before it is read (with KASAN, that frees the objects in its
# quarantine: they count as freed only then). This is repeated until two
# readings in a row agree within SLAB_QUIET objects for every cache
# judged (slab_net): the first reading creates the dentries of the files
# it reads, and on a loaded host the kernel's workers may still be
# releasing; three readings at most (with KASAN, see below, the readings'
# own kfree_rcu()s of kernfs open nodes keep kmalloc-128 moving).
SLAB_QUIET=2
slab_counts() {
	sc_reads=0
	rm -f "$1.prev"
	while :; do
		sc_drops=0 sc_idle=0 sc_last=$(vfs_objects)
		while [ $sc_idle -lt 3 ] && [ $sc_drops -lt 30 ]; do
			echo 3 >/proc/sys/vm/drop_caches
			sc_now=$(vfs_objects)
			if [ "$sc_now" -lt $((sc_last - 2)) ]; then sc_idle=0; else sc_idle=$((sc_idle + 1)); fi
			sc_last=$sc_now sc_drops=$((sc_drops + 1))
		done
		sleep 1
		# (">>": no O_TRUNC, whose setattr would give each shrink file
		# a kernfs_iattrs the first time)
		ls -l /sys/kernel/slab | awk '
			function first(f,  v, w) {
				v = 0
				if ((getline v <f) > 0) split(v, w, " ")
				close(f)
				return w[1] + 0
			}
			/ -> / {
				n = $(NF - 2); t = $NF
				if (t in names) names[t] = names[t] "," n; else names[t] = n
				next
			}
			/^d/ { dirs[$NF] = 1 }
			END {
				for (d in dirs) {
					p = "/sys/kernel/slab/" d "/"
					printf "1\n" >>(p "shrink"); close(p "shrink")
					print d, first(p "alloc_fastpath"), first(p "alloc_slowpath"),
						first(p "free_fastpath"), first(p "free_slowpath"),
						first(p "free_rcu_sheaf"), first(p "object_size"),
						(d in names) ? names[d] : "-"
				}
			}' >"$1"
		sc_reads=$((sc_reads + 1))
		if [ -f "$1.prev" ]; then
			sc_moved=$(slab_net "$1.prev" "$1" | awk -v q=$SLAB_QUIET '
				$1 && ($2 > q || -$2 > q) { n = $2; sub(/^[^ ]+ [^ ]+ [^ ]+ /, ""); m = m sprintf("; %s %+d", $0, n) }
				END { print substr(m, 3) }')
			[ -z "$sc_moved" ] && break
			[ $sc_reads -lt 3 ] || { echo "# slab counters still moving after $sc_reads readings: $sc_moved"; break; }
		fi
		mv "$1" "$1.prev"
	done
	rm -f "$1.prev"
}

# vfs_objects: the dentries and inodes allocated (/proc/sys/fs)
vfs_objects() { echo $(($(cut -f1 /proc/sys/fs/dentry-state) + $(cut -f1 /proc/sys/fs/inode-nr))); }

# slab_net BEFORE AFTER: for each cache of two slab_counts files, a line
# "JUDGED NET OBJECT_SIZE NAME": the objects it gained (allocations minus
# frees), JUDGED 0 for the caches not judged (see above), NAME its
# directory with the names linked to it
slab_net() {
	awk '
		# a counter of 32 bits (an unsigned long here) may wrap
		function delta(a, b) { return b >= a ? b - a : b - a + 4294967296 }
		NR == FNR { for (i = 2; i <= 6; i++) c[$1, i] = $i; next }
		!(($1, 2) in c) { next }
		{
			net = delta(c[$1, 2], $2) + delta(c[$1, 3], $3) - \
				delta(c[$1, 4], $4) - delta(c[$1, 5], $5) - delta(c[$1, 6], $6)
			judged = ("," $1 "," $8 ",") !~ /,(maple_node|vmap_area|debug_objects_cache|kmemleak_object|kmemleak_scan_area),/
			print judged, net, $7, $8 == "-" ? $1 : $1 " (" $8 ")"
		}' "$1" "$2"
}

# leak_check WHAT BEFORE AFTER CYCLES [print]: the objects each cache
# gained between two slab_counts files, over CYCLES cycles of WHAT: a line
# "# slab: WHAT: CACHE +N objects, X per cycle" per cache that moved, and
# "# leak: WHAT: CACHE ..." for each cache judged that gained LEAK_LIMIT
# objects per cycle or more: then it fails (status 1). With "print", the
# figures only, no judgement. The bytes per cycle of the objects gained,
# over the caches judged, go to LEAK_BYTES (/tmp/leak.bytes; bench P4).
leak_check() {
	slab_net "$2" "$3" | awk -v what="$1" -v n="$4" -v limit="$LEAK_LIMIT" \
		-v judge="$([ "${5:-}" = print ] && echo 0 || echo 1)" -v bfile="${LEAK_BYTES:-/tmp/leak.bytes}" '
		{
			judged = $1; net = $2
			name = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", name)
			if (judged) bytes += net * $3
			if (net == 0) next
			printf "# slab: %s: %s %+d objects, %.2f per cycle%s\n", what, name, net, net / n, judged ? "" : " (not judged)"
			if (judge && judged && net >= limit * n) {
				printf "# leak: %s: %s %+d objects in %d cycles, %.2f per cycle, limit %s\n", what, name, net, n, net / n, limit
				leaks++
			}
		}
		END { printf "%.2f\n", bytes / n >bfile; exit leaks > 0 }'
}
