"""insecure-transport: boto3 clients that presign over plain HTTP."""
import os

import boto3
from botocore.config import Config

# Positive: an http:// endpoint on a client that presigns.
media = boto3.client(
    "s3",
    region_name="eu-west-1",
    endpoint_url="http://s3.eu-west-1.amazonaws.com",  # expect: insecure-transport@error
)


def media_link(key):
    return media.generate_presigned_url(
        "get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=900
    )


# Positive: TLS turned off, through a session.
session = boto3.session.Session(region_name="eu-west-1")
reports = session.client("s3", use_ssl=False)  # expect: insecure-transport


def report_link(key):
    return reports.generate_presigned_url("get_object", Params={"Bucket": "r", "Key": key})


# Loopback (MinIO in docker-compose): a note, TLS off next to it too.
local = boto3.client(
    "s3",
    region_name="us-east-1",
    endpoint_url="http://minio:9000",  # expect: insecure-transport@note
    use_ssl=False,  # expect: insecure-transport@note
)
dev_url = local.generate_presigned_url("get_object", Params={"Bucket": "dev", "Key": "a"})


class Store:
    def __init__(self):
        self.s3 = boto3.client("s3", region_name="eu-west-1", endpoint_url="http://10.0.4.12:9000")  # expect: insecure-transport

    def link(self, key):
        return self.s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key})


# Negatives.
# An http endpoint on a client that never presigns (uploads only).
uploader = boto3.client("s3", region_name="eu-west-1", endpoint_url="http://s3.internal:9000")
uploader.upload_file("a.txt", "bucket", "a.txt")

# https endpoint, certificate checks off (not this lint), TLS explicitly on.
secure = boto3.client(
    "s3",
    region_name="eu-west-1",
    endpoint_url="https://s3.eu-west-1.amazonaws.com",
    verify=False,
    use_ssl=True,
)
secure_url = secure.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})

# An endpoint from the environment cannot be read statically.
env_client = boto3.client("s3", region_name="eu-west-1", endpoint_url=os.environ["S3_ENDPOINT"])
env_url = env_client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})


# A client passed in: its endpoint is not known here.
def from_param(client):
    return client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})


# http in a comment: endpoint_url="http://s3.amazonaws.com" use_ssl=False
DOCS = "see http://docs.example.com/presign for endpoint_url settings"
cfg = Config(signature_version="s3v4")
