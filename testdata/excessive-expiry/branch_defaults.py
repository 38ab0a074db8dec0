"""A default that an option overrides only when given (issue 15, item 6)."""
import boto3

s3 = boto3.client("s3", region_name="eu-west-1")


def sign(key, options):
    expires = 86400
    if options.expires is not None:
        expires = options.expires
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=expires)  # expect: excessive-expiry


def sign_short(key, options):
    expires = 600
    if options.expires:
        expires = options.expires
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=expires)
