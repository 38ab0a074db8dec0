"""excessive-expiry: a value assigned in a branch over an earlier one is one path's; the other
path keeps the earlier value, and the longest is what the code may presign with."""
import os

import boto3

s3 = boto3.client("s3", region_name="eu-west-1")


def report_link(key, short=False):
    ttl = 6 * 86400
    if short:
        ttl = 900
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)  # expect: excessive-expiry


def by_role(key, admin):
    if admin:
        ttl = 7 * 86400
    else:
        ttl = 600
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)  # expect: excessive-expiry


# Negatives: both branches replace the default; a clamp by the value itself; a short default.
def either(key, admin):
    ttl = 6 * 86400
    if admin:
        ttl = 600
    else:
        ttl = 300
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)


def clamped(key, ttl):
    if ttl > 3600:
        ttl = 3600
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)


def short_default(key, retry):
    ttl = 300
    if retry:
        ttl = 600
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)


# Trap: a cache lifetime assigned in a branch is no presign's.
def cache_for(key, long):
    seconds = 900
    if long:
        seconds = 30 * 86400
    return {"key": key, "max_age": seconds}


def capped_default(key):
    # A cap at the signing limit does not make the short default long.
    ttl = int(os.environ.get("URL_TTL", 300))
    if ttl > 7 * 86400:
        ttl = 7 * 86400
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)


def floored_default(key):
    # A floor makes it long.
    ttl = int(os.environ.get("URL_TTL", 300))
    if ttl < 86400:
        ttl = 86400
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)  # expect: excessive-expiry
