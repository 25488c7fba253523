# TAP output for the harness scripts (sourced): result OK DESCRIPTION
# prints "ok N" or "not ok N" and counts; plan prints "1..N" and returns
# non-zero when anything failed.
n=0
failed=0
result() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}
plan() {
	echo "1..$n"
	[ $failed -eq 0 ]
}
