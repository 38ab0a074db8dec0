#!/bin/sh
set -eu

# A backslash continues the double-quoted URL.
curl -fsSL -o inside.csv "https://acme-exports.s3.amazonaws.com/sh/inside.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256\
&X-Amz-Credential=AKIAFSU3Y7PIHKS6TJG6%2F20240115%2Fus-east-1%2Fs3%2Faws4_request\
&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host\
&X-Amz-Signature=96ff892dcc4097e35484b718df4f690b7031ab190f121324c2862fe65310b8fa"
# expect^^^^: hardcoded-presigned-url

# Quoted pieces joined by line continuations between them.
curl -fsSL -o between.csv "https://acme-exports.s3.amazonaws.com/sh/between.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"\
"&X-Amz-Credential=AKIAZXXLE4P4D472CCQS%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"\
"&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"\
"&X-Amz-Signature=3d6072e6d4a851835add"\
"d925777362ab4c61f0716db7328f5e0d488919023e76"
# expect^^^^^: hardcoded-presigned-url

# A whole URL, then the next argument on a continued line: one finding, nothing joined.
curl -fsSL "https://acme-exports.s3.amazonaws.com/sh/ok.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAU5ZELBHVA7ISD2WU%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=dd19927ac1b9884a150637648e5c12e6dacbf7abe6ae11ce072fa6366915b2f1" \
  -o ok.csv
# expect^^: hardcoded-presigned-url
