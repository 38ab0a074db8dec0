import boto3

s3 = boto3.client("s3", region_name="eu-west-1")

# An unknown lint name suppresses nothing, and the finding stays.
url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=86400)  # presign-lint: allow(excesive-expiry) reason: typo  expect: invalid-suppression, excessive-expiry

# A marker without its list of lints.
# presign-lint: allow reason: everything  expect: invalid-suppression
other = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=300)

# Traps: the syntax described in prose is no marker.
# Write `presign-lint: allow(<lint>) reason: <why>` to suppress a reviewed finding.
# presign-lint: a static linter for presigned URLs.
