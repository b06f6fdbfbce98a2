#!/bin/sh
# make bench, in the guest: where the time of a status cycle goes, from
# ftrace's function_graph tracer (the test kernel has it), for the nodes
# given: NODE... Each write (of_node_status_write(), the status file's
# write handler) is split into
#   file    the replacement of the property's sysfs file
#           (__of_update_property_sysfs())
#   add     device creation without its probe (device_add() minus
#           really_probe())
#   probe   the driver's probe (really_probe())
#   del     device deletion without the driver's removal (device_del()
#           minus device_release_driver_internal())
#   remove  the driver's removal (device_release_driver_internal())
#   links   device links: fw_devlink's work for the node and for the
#           devices added and deleted (fw_devlink_relink_fwtree(),
#           fw_devlink_unlink_fwtree(), fw_devlink_link_device(),
#           device_links_purge())
#   other   the rest: the system call's kernfs part, locking, parsing,
#           the reconfig notifier chain and the buses' lookups, the
#           check of the result
# Figures are microseconds per cycle (okay + reserved) under tracing, which
# slows short functions more than long ones: read them as shares. Prints
# one line per node: "profile: NODE total=.. file=.. add=.. probe=.. del=..
# remove=.. links=.. other=.. mechanism=..%" where mechanism is everything
# but device add/del, probe and remove.
. /guest/files/nodes.sh
CYCLES=${PROFILE_CYCLES:-3}
T=/sys/kernel/tracing
[ -d $T/options ] || mount -t tracefs nodev $T 2>/dev/null || T=/sys/kernel/debug/tracing
[ -w $T/current_tracer ] || { echo "profile: no tracefs"; exit 4; }

trace_setup() {
	echo 0 >$T/tracing_on
	echo function_graph >$T/current_tracer
	echo of_node_status_write >$T/set_graph_function
	echo 1 >$T/options/funcgraph-tail
	echo 0 >$T/options/funcgraph-irqs 2>/dev/null
	echo 16384 >$T/buffer_size_kb
}
trace_off() {
	echo 0 >$T/tracing_on
	echo nop >$T/current_tracer
	echo >$T/set_graph_function
}

# sum FILE: the time of the traced writes by category, per cycle. Each
# function's time goes to the innermost category function it runs in (a
# probe inside device_add() counts as probe, not as add).
sum() {
	awk -v n="$CYCLES" '
	BEGIN {
		cat["__of_update_property_sysfs"] = "file"
		cat["device_add"] = "add"
		cat["really_probe"] = "probe"
		cat["device_del"] = "del"
		cat["device_release_driver_internal"] = "remove"
		cat["fw_devlink_relink_fwtree"] = "links"
		cat["fw_devlink_unlink_fwtree"] = "links"
		cat["fw_devlink_link_device"] = "links"
		cat["device_links_purge"] = "links"
		depth = 0
	}
	function dur(line,   us) {
		us = line; sub(/ us .*/, "", us); sub(/.*[ !#@*+$]/, "", us)
		return us + 0
	}
	# closing the function on top of the stack with duration d
	function close_fn(name, d,   inner) {
		inner = sub_t[depth]
		depth--
		if (name in cat) {
			t[cat[name]] += d - inner
			sub_t[depth] += d
		} else {
			sub_t[depth] += inner
		}
		if (name == "of_node_status_write")
			total += d
	}
	/\| +[a-z_0-9.]+\(\) \{/ {
		depth++; sub_t[depth] = 0; next
	}
	/\/\* [a-z_0-9.]+ \*\// {
		name = $0; sub(/.*\/\* /, "", name); sub(/ \*\/.*/, "", name)
		close_fn(name, dur($0)); next
	}
	/us +\| +[a-z_0-9.]+\(\);/ {
		name = $0; sub(/.*\| +/, "", name); sub(/\(\);.*/, "", name)
		depth++; sub_t[depth] = 0
		close_fn(name, dur($0))
	}
	END {
		other = total - t["file"] - t["add"] - t["probe"] - t["del"] - t["remove"] - t["links"]
		mech = total > 0 ? 100 * (total - t["add"] - t["probe"] - t["del"] - t["remove"]) / total : 0
		printf "total=%d file=%d add=%d probe=%d del=%d remove=%d links=%d other=%d mechanism=%d%%\n",
			total / n, t["file"] / n, t["add"] / n, t["probe"] / n, t["del"] / n,
			t["remove"] / n, t["links"] / n, other / n, mech
	}' "$1"
}

for node in "$@"; do
	s=$PDT$node/status
	trace_setup
	echo >$T/trace
	echo 1 >$T/tracing_on
	i=0
	while [ $i -lt "$CYCLES" ]; do
		echo okay >"$s" && echo reserved >"$s" || { echo "profile: $node: write failed"; break; }
		i=$((i + 1))
	done
	echo 0 >$T/tracing_on
	cat $T/trace >/tmp/profile.trace
	trace_off
	echo "profile: $node $(sum /tmp/profile.trace)"
done
