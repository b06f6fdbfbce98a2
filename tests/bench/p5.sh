#!/bin/sh
# make bench, P5, in the guest: what a boot leaves behind on a device tree
# without any dynamic node (scripts/bench-p5.sh boots this on the kernel's
# DTB of the board's machine, with and without the series): the uptime when
# this script starts, the memory the kernel takes (reserved at boot, and in
# use after it), the slab bytes in use after boot (nodes.sh's
# slab_bytes, which waits for deferred releases and drops the caches), the
# number of sysfs entries, and, to tell where a difference comes from, the
# devices bound to a driver and the bytes in use per slab cache.
. /guest/files/nodes.sh
up=$(cut -d' ' -f1 /proc/uptime)
nodes=$(find $PDT/ -name dynamic -type f | wc -l)
slab=$(slab_bytes)
# the caches slab_bytes counted, with the figure it counted for each
awk '{ printf "p5cache: %s %d\n", $1, $2 }' /tmp/slab.caches
# the whole kernel's memory: MemTotal is the RAM left after what the
# kernel reserved at boot (memblock: the image, the unflattened device
# tree, with a struct property per property, ...); MemFree + Buffers +
# Cached is what the kernel leaves (the boots run the same initramfs and
# script, and slab_bytes dropped the caches)
mem() { awk -v k="$1" '$1 == k ":" { print $2 * 1024 }' /proc/meminfo; }
left=$(( $(mem MemFree) + $(mem Buffers) + $(mem Cached) ))
echo "p5: uptime=$up slab=$slab memtotal=$(mem MemTotal) left=$left dynamic_nodes=$nodes sysfs=$(find /sys -xdev 2>/dev/null | wc -l)"
for d in /sys/bus/*/drivers/*/*; do
	[ -L "$d/driver" ] || [ -e "$d/subsystem" ] || continue
	echo "p5bound: ${d#/sys/bus/}"
done
