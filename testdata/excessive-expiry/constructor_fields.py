"""Fields a class's constructor sets, read by its other methods."""
import os

import boto3

ONE_WEEK = 7 * 24 * 3600


class ReportLinks:
    def __init__(self, bucket):
        self.client = boto3.client("s3", region_name="eu-west-1")
        self.bucket = bucket
        self.ttl = 2 * 24 * 3600
        self.download_ttl = int(os.environ.get("DOWNLOAD_TTL", ONE_WEEK))

    def report(self, key):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=self.ttl)  # expect: excessive-expiry

    def download(self, key):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=self.download_ttl)  # expect: excessive-expiry


class ShortLinks:
    # Its own constructor sets a short lifetime: the class above does not lend it its own.
    def __init__(self):
        self.client = boto3.client("s3", region_name="eu-west-1")
        self.ttl = 300

    def link(self, key):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=self.ttl)


class Retuned:
    # Trap: a method sets the field again, so which value a link gets depends on the calls.
    def __init__(self):
        self.client = boto3.client("s3", region_name="eu-west-1")
        self.ttl = 2 * 24 * 3600

    def shorten(self):
        self.ttl = 60

    def link(self, key):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=self.ttl)


class NoField:
    # Trap: this constructor sets no ttl; ReportLinks' does not reach here.
    def __init__(self, ttl):
        self.client = boto3.client("s3", region_name="eu-west-1")

    def link(self, key, ttl):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=self.ttl)


class FromParameter:
    # The constructor's parameter: an object built without it (as a framework or a module-level
    # instance does) presigns for its default, 3 days.
    def __init__(self, ttl=86400 * 3):
        self.client = boto3.client("s3", region_name="eu-west-1")
        self.ttl = ttl

    def link(self, key):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=self.ttl)  # expect: excessive-expiry


class FromRequiredParameter:
    # Trap: a parameter without a default is only known to the caller.
    def __init__(self, ttl):
        self.client = boto3.client("s3", region_name="eu-west-1")
        self.ttl = ttl

    def link(self, key):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=self.ttl)


class ShortParameter:
    # Negative: a short default.
    def __init__(self, ttl=300):
        self.client = boto3.client("s3", region_name="eu-west-1")
        self.ttl = ttl

    def link(self, key):
        return self.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=self.ttl)
