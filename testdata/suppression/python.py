# Suppressions: reviewed findings are hidden, a malformed or unused marker is reported.
REVIEWED = (
    # presign-lint: allow(hardcoded-presigned-url) reason: public sample asset, reviewed
    "https://acme-public.s3.amazonaws.com/sample.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA2LQ7VMX4K3TB6NRF%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=6d1f0b7e93a2c845be0f4d6a7c19e2b3f58a0d4c7e61b9f2a3c8d05e4b7f1a69"
)

# The marker above a multi-line call covers the whole call:
# presign-lint: allow(hardcoded-presigned-url) reason: formatter re-wrapped this call
fetch(
    "https://acme-public.s3.amazonaws.com/other.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA2LQ7VMX4K3TB6NRF%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0b9e4c7a1f3d62e8c5b0a7d94f1e3c6b8a2d5f07e4c19b6a3d8f2e05c7b1a493",
    timeout=10,
)

value = 1  # presign-lint: allow(hardcoded-presigned-url) reason: nothing here  expect: unused-suppression
other = 2  # presign-lint: allow  expect: invalid-suppression
third = 3  # presign-lint: allow(excesive-expiry)  expect: invalid-suppression
fourth = 4  # presign-lint: allow()  expect: invalid-suppression

# A suppression two lines above does not reach:
# presign-lint: allow(hardcoded-presigned-url) reason: too far away  expect: unused-suppression

LEAK = "https://acme-public.s3.amazonaws.com/third.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA2LQ7VMX4K3TB6NRF%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=e83b1d6f0a4c27e9b5d18f3a6c0e4b72d9a1f5c3e8b06d2a4f7c9e1b3d5a0f68"  # expect: hardcoded-presigned-url
