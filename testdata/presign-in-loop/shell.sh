#!/usr/bin/env bash
# Presign every report of the month (a batch), and one link on demand.
set -euo pipefail

for key in $(aws s3 ls s3://reports/2024-01/ | awk '{print $4}'); do
  aws s3 presign "s3://reports/2024-01/$key" --expires-in 900 # expect: presign-in-loop
done

while read -r key; do aws s3 presign "s3://reports/$key" --expires-in 600; done < keys.txt # expect: presign-in-loop

# Not a loop: one URL, and prose that says "for each file, do this" in a comment.
echo "for each key, do one presign"
aws s3 presign "s3://reports/2024-01/summary.pdf" --expires-in 300
(cd /tmp && ls)
