"""Expiries S3 rejects: SigV4 presigned URLs valid longer than 7 days."""
from datetime import timedelta

import boto3

s3 = boto3.client("s3", region_name="us-west-2")
THIRTY_DAYS = 30 * 24 * 60 * 60


def archive_link(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "archive", "Key": key}, ExpiresIn=THIRTY_DAYS)  # expect: expiry-exceeds-limit


def eight_days(key):
    return s3.generate_presigned_post("uploads", key, ExpiresIn=8 * 86400)  # expect: expiry-exceeds-limit


def gcs(blob):
    return blob.generate_signed_url(version="v4", expiration=timedelta(days=8))  # expect: expiry-exceeds-limit


def exactly_seven_days(key):
    # The maximum itself is accepted by S3: over policy, but not over the limit.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=604800)  # expect: excessive-expiry
