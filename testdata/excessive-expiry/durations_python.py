"""Duration idioms folded to their value (issue 14, item 8): read as seconds, under import
aliases, and as absolute expiries from the clock."""
import datetime as dt
from datetime import datetime, timedelta, timezone
from datetime import datetime as dtm, timedelta as td

import boto3

s3 = boto3.client("s3", region_name="eu-west-1")
LINK_SECONDS = int(timedelta(hours=3).total_seconds())


def as_int_seconds(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=int(timedelta(days=2).total_seconds()))  # expect: excessive-expiry


def as_float_seconds(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=timedelta(hours=5).total_seconds())  # expect: excessive-expiry


def module_constant(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=LINK_SECONDS)  # expect: excessive-expiry


def module_alias(blob):
    return blob.generate_signed_url(version="v4", expiration=dt.timedelta(days=3))  # expect: excessive-expiry


def name_aliases(blob):
    return blob.generate_signed_url(version="v4", expiration=dtm.now(timezone.utc) + td(days=2))  # expect: excessive-expiry


def absolute(blob):
    expires = dt.datetime.now(tz=dt.timezone.utc) + dt.timedelta(hours=6)
    return blob.generate_signed_url(version="v4", expiration=expires)  # expect: excessive-expiry


def rounded(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=round(td(hours=4).total_seconds()))  # expect: excessive-expiry


# --- Traps: all silent. ---


def short(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=int(timedelta(minutes=10).total_seconds()))


def short_absolute(blob):
    return blob.generate_signed_url(version="v4", expiration=datetime.now() + td(minutes=30))


def seconds_component(key):
    # `.seconds` is the seconds part of the timedelta (0 here), not its total.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=td(days=4).seconds)


def days_component(key):
    # `.days` is a count of days, read as 2 seconds.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=timedelta(days=2).days)
