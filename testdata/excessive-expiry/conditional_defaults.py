"""A default given with a conditional expression: the path that takes it presigns for it."""
import boto3

s3 = boto3.client("s3", region_name="eu-west-1")
DEFAULT_TTL = 7 * 86400


def link(key, ttl=None):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl if ttl is not None else DEFAULT_TTL)  # expect: excessive-expiry


def short(key, ttl=None):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl if ttl else 300)


def capped(key, ttl):
    # A bound: the smaller of the two.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=DEFAULT_TTL if ttl > DEFAULT_TTL else ttl)
