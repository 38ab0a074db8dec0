#!/bin/bash
# A presign in a shell function runs once per iteration of the loop that calls it, directly
# or through another function.
sign_report() {
  aws s3 presign "s3://reports/$1" --expires-in 600 # expect: presign-in-loop
}

share_all() {
  for key in "$@"; do
    sign_report "$key"
  done
}

# Negative: a function called once, outside any loop, and one never called.
sign_summary() {
  aws s3 presign "s3://reports/summary.pdf" --expires-in 300
}
unused() {
  aws s3 presign "s3://reports/unused.pdf" --expires-in 300
}

# Trap: a loop that calls a command of the same name as no function here.
for f in a b; do
  summary "$f"
done

share_all q1.pdf q2.pdf
sign_summary
