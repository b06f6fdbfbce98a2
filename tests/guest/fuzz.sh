#!/bin/sh
# In the guest (R1): generated invalid writes to each dynamic node's status
# file, through the VFS and kernfs (100 per node by default): random bytes
# of random length up to 8 KiB, valid words with one byte changed, valid
# words at non-zero offsets. Every write must be refused and leave the
# status as it was. The bulk of them, 10,000 on one node, runs in the
# series' KUnit suite (dynamic_status_invalid_writes), through the same
# write handler, in a fraction of the time.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

PER_NODE=${FUZZ_WRITES:-100}
nodes=$(find $PDT/ -name dynamic -type f | sed 's|/dynamic$||' | sort)

# Replayable: the host picks the seed (scripts/guest-files.sh writes it to
# /guest/files/env; FUZZ_SEED=N on the host replays a run). RANDOM draws
# the lengths, offsets and mutations; the random bytes come from a pool
# that awk generates from the same seed.
. /guest/files/env
RANDOM=$FUZZ_SEED
awk -v seed="$FUZZ_SEED" 'BEGIN { srand(seed); for (i = 0; i < 16384; i++) printf "\\%03o", int(rand() * 256) }' >/tmp/pool.esc
printf "$(cat /tmp/pool.esc)" >/tmp/pool
rm -f /tmp/pool.esc

ktap_print_header
ktap_print_msg "fuzz seed $FUZZ_SEED (replay with FUZZ_SEED=$FUZZ_SEED), pool of $(wc -c </tmp/pool) bytes"
ktap_set_plan "$(echo "$nodes" | wc -l)"

# put FILE BS SEEK: write stdin to FILE in blocks of BS bytes, starting at
# block SEEK; dd's exit status tells whether every write was accepted
put() {
	dd of="$1" bs="$2" seek="$3" conv=notrunc 2>/dev/null
}

# mutate WORD: WORD with one byte replaced by a random other byte, as
# printf octal escapes
mutate() {
	w=$1
	pos=$((RANDOM % ${#w}))
	byte=$((RANDOM % 256))
	out=
	i=0
	while [ $i -lt ${#w} ]; do
		c=$(printf '%d' "'${w:$i:1}")
		[ $i -eq $pos ] && { [ $byte -eq "$c" ] && byte=$(((byte + 1) % 256)); c=$byte; }
		out="$out\\$(printf '%03o' "$c")"
		i=$((i + 1))
	done
	echo "$out"
}

for n in $nodes; do
	f=$n/status
	before=$(tr -d '\000' <"$f")
	accepted=0
	changed=0
	i=0
	while [ $i -lt "$PER_NODE" ]; do
		case $((i % 3)) in
		0)	len=$((RANDOM % 8193))
			[ $len -eq 0 ] && len=1
			tail -c +$((RANDOM % 8192 + 1)) /tmp/pool | head -c $len |
				put "$f" 16384 0 && accepted=$((accepted + 1)) ;;
		1)	w=$(echo "okay disabled reserved" | cut -d' ' -f$((RANDOM % 3 + 1)))
			printf "$(mutate $w)" | put "$f" 64 0 && accepted=$((accepted + 1)) ;;
		2)	w=$(echo "okay disabled reserved" | cut -d' ' -f$((RANDOM % 3 + 1)))
			bs=$((RANDOM % 16 + 1))
			printf '%s' "$w" | put "$f" $bs 1 && accepted=$((accepted + 1)) ;;
		esac
		[ "$(tr -d '\000' <"$f")" = "$before" ] || changed=$((changed + 1))
		i=$((i + 1))
	done
	ktap_print_msg "${n#$PDT}: $PER_NODE writes, $accepted accepted, $changed changed the status"
	ktap_test_result "${n#$PDT}: $PER_NODE invalid writes refused, status unchanged" \
		[ "$accepted" = 0 -a "$changed" = 0 ]
done
ktap_finished
