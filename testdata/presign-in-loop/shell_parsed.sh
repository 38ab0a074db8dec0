#!/bin/sh
# Loops as the shell reads them: `xargs` and `parallel` run their command once per input
# line; `until`; loops around `bash -c` and in heredocs.
find reports -name '*.pdf' | xargs -I{} aws s3 presign "s3://reports/{}" --expires-in 600 # expect: presign-in-loop
parallel aws s3 presign "s3://reports/{}" --expires-in 600 ::: q1.pdf q2.pdf # expect: presign-in-loop
until [ -z "$next" ]; do
  aws s3 presign "s3://reports/$next" --expires-in 600 # expect: presign-in-loop
  next=$(pop_key)
done
for k in q1 q2; do
  bash -c "aws s3 presign s3://reports/$k.pdf --expires-in 600" # expect: presign-in-loop
done
ssh deploy@bastion <<REMOTE
for k in q1 q2; do aws s3 presign "s3://reports/\$k.pdf" --expires-in 600; done # expect: presign-in-loop
REMOTE

# Not loops: one URL, a command named by xargs' echo, and loop words in strings and comments.
aws s3 presign s3://reports/summary.pdf --expires-in 300
ls | xargs echo aws s3 presign
echo "for k in q1 q2; do aws s3 presign s3://reports/\$k.pdf; done"
# for each key: do aws s3 presign, done
