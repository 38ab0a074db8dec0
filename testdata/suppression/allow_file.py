# A file-wide suppression: signing test vectors, reviewed once for the whole file, and only
# for the lint it names.
# presign-lint: allow-file(hardcoded-presigned-url) reason: signing conformance vectors, fake keys
VECTORS = [
    "https://acme-public.s3.amazonaws.com/sample.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA2LQ7VMX4K3TB6NRF%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=6d1f0b7e93a2c845be0f4d6a7c19e2b3f58a0d4c7e61b9f2a3c8d05e4b7f1a69",
    "https://acme-public.s3.amazonaws.com/other.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA2LQ7VMX4K3TB6NRF%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0b9e4c7a1f3d62e8c5b0a7d94f1e3c6b8a2d5f07e4c19b6a3d8f2e05c7b1a493",
]

import boto3

s3 = boto3.client("s3", region_name="us-east-1")
url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=86400)  # expect: excessive-expiry
