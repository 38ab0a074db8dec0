import boto3

s3 = boto3.client("s3", region_name="eu-west-1")

# A marker that suppresses a finding is used.
url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=86400)  # presign-lint: allow(excessive-expiry) reason: nightly export, reviewed

# The same marker above a call that is short enough suppresses nothing.
# presign-lint: allow(excessive-expiry) reason: left over from a longer expiry  expect: unused-suppression
short = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=300)

# A marker naming two lints, one of which reports nothing there.
link = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=86400)  # presign-lint: allow(excessive-expiry, presign-in-loop) reason: reviewed  expect: unused-suppression

# Trap: prose that names the tool is no marker ("presign-lint: a static linter").
