import boto3
import botocore.exceptions

s3 = boto3.client("s3", region_name="eu-west-1")


def presign(key, expires):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=expires)


def presign_fixed(key):
    # The expiry is fixed inside: reported here once, never at the callers.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=86400)  # expect: excessive-expiry


def presign_capped(key, expires):
    # The parameter is overridden inside the wrapper: callers do not decide the expiry.
    expires = 600
    return s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=expires)


def presign_with_retry(key, expires, attempts=3):
    # Recursive: a transient signing failure is retried with one attempt less.
    try:
        return s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=expires)
    except botocore.exceptions.BotoCoreError:
        if attempts <= 1:
            raise
        return presign_with_retry(key, expires, attempts - 1)
