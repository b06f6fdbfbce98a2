#!/usr/bin/env bash
# The postings of patches/linux, each checked as its tree will see it
# (scripts/postings.py; the definition file is patches/linux/postings,
# without it the series is one posting):
# - patches/linux/series lists every posting's patches in the definition's
#   order, which is the linear order of base..HEAD in build/linux (by
#   patch-id): the order bisect-build builds;
# - per posting: its cover letter and as many patches as the definition
#   says, one [PREFIX n/m] in every subject (m: the posting's size), a
#   filled cover letter, a body in every patch, Fixes: in every patch of a
#   fix posting;
# - per posting: git am on a pristine base, alone or after the postings it
#   depends on (a worktree of build/linux at build/tmp/posting-checks/am,
#   kept between runs);
# - the mail-ready copy (scripts/postings-mail.sh, with a test identity in
#   place of git config's): the sender's From: and Signed-off-by: in every
#   patch, no placeholder identity left, checkpatch --strict passes on it;
#   with the placeholder identity, and with none, postings-mail.sh refuses
#   and writes nothing.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

work=$BUILD/tmp/posting-checks
mkdir -p "$work"
rm -rf "$work/mail" "$work/refused"
def=(--definition "$SERIES_DIR/postings" --legacy-prefix "PATCH $SERIES_VERSION")
postings() { python3 "$ROOT/scripts/postings.py" "$@"; }

# record WHAT OUT RC: the PASS/FAIL lines of postings.py in OUT as results;
# an exit status other than 0 (all passed) or 1 (some failed) is a failure
record() {
	local verdict name
	while IFS=$'\t' read -r verdict name; do
		case $verdict in
		PASS) pass "$name" ;;
		FAIL) fail "$name" ;;
		esac
	done <"$2"
	case $3 in 0 | 1) ;; *) fail "$1: scripts/postings.py exited $3" ;; esac
}

rc=0
postings check --dir "$SERIES_DIR" "${def[@]}" >"$work/check.out" || rc=$?
record "per-posting checks" "$work/check.out" $rc
rc=0
postings order-check --tree "$KSRC" --dir "$SERIES_DIR" >"$work/order.out" || rc=$?
record "series order" "$work/order.out" $rc
rc=0
postings apply-check --tree "$KSRC" --dir "$SERIES_DIR" --work "$work/am" "${def[@]}" \
	>"$work/apply.out" || rc=$?
record "git am per posting" "$work/apply.out" $rc

# identity NAME EMAIL CMD...: CMD with git config's user.name and user.email
identity() {
	local name=$1 email=$2
	shift 2
	GIT_CONFIG_COUNT=2 GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0=$name \
		GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1=$email "$@"
}
sender_name="Posting Chéck" sender_email=posting-check@harness.test
if identity "$sender_name" "$sender_email" "$ROOT/scripts/postings-mail.sh" "$work/mail" \
	>"$work/mail.log" 2>&1; then
	pass "postings-mail writes the mail-ready postings (test identity)"
	rc=0
	postings check --dir "$work/mail" "${def[@]}" --sender "$sender_name <$sender_email>" \
		>"$work/mail-check.out" || rc=$?
	record "mail-ready checks" "$work/mail-check.out" $rc
	# checkpatch as the mail goes out: From: and Signed-off-by: agree
	while read -r p; do
		[ -n "$p" ] || continue
		out=$("$KSRC/scripts/checkpatch.pl" --strict --no-tree -q \
			--ignore FILE_PATH_CHANGES,UNKNOWN_COMMIT_ID "$work/mail/$p" 2>&1) && rc=0 || rc=$?
		[ "$rc" -eq 0 ] && [ -z "$out" ] || { echo "$p:"; echo "$out" | head -20; }
	done < <(grep -v '^#' "$work/mail/series") >"$work/mail-checkpatch.log"
	if [ -s "$work/mail-checkpatch.log" ]; then
		head -40 "$work/mail-checkpatch.log"
		fail "checkpatch --strict on the mail-ready postings"
	else
		pass "checkpatch --strict on the mail-ready postings ($(grep -vc '^#' "$work/mail/series") patches)"
	fi
else
	tail -5 "$work/mail.log"
	fail "postings-mail writes the mail-ready postings (test identity)"
fi

# refusal: the placeholder identity, and none
for who in "BMC Kernel Team|bmc-kernel@example.org|the placeholder identity" "||no identity"; do
	IFS='|' read -r name email what <<<"$who"
	rc=0
	identity "$name" "$email" "$ROOT/scripts/postings-mail.sh" "$work/refused" \
		>"$work/refused.log" 2>&1 || rc=$?
	if [ "$rc" -eq 3 ] && [ ! -e "$work/refused" ] && grep -q 'refusing' "$work/refused.log"; then
		pass "postings-mail refuses $what and writes nothing"
	else
		cat "$work/refused.log"
		fail "postings-mail refuses $what and writes nothing (exit $rc)"
	fi
	rm -rf "$work/refused"
done
suite_summary
