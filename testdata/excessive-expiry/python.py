"""boto3, google-cloud-storage and azure-storage-blob presign calls: expiries over 1 hour."""
import datetime
from datetime import timedelta

import boto3
from azure.storage.blob import BlobSasPermissions, generate_blob_sas
from botocore.signers import CloudFrontSigner
from google.cloud import storage

ONE_WEEK = 60 * 60 * 24 * 7
TWO_HOURS = 2 * 3600
s3 = boto3.client("s3", region_name="eu-west-1")


def share_report(key):
    # A constant folded from arithmetic, on the next line of a multi-line call.
    return s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": "reports", "Key": key},
        ExpiresIn=ONE_WEEK,  # expect: excessive-expiry
    )


def upload_form(key):
    return s3.generate_presigned_post("uploads", key, ExpiresIn=TWO_HOURS)  # expect: excessive-expiry


def positional(key):
    return s3.generate_presigned_url("get_object", {"Bucket": "b", "Key": key}, 86400)  # expect: excessive-expiry


def local_binding(key):
    lifetime = 3 * 60 * 60
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=lifetime)  # expect: excessive-expiry


def through_resource(bucket):
    return bucket.meta.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=7200)  # expect: excessive-expiry


async def aio(client, key):
    return await client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=5400)  # expect: excessive-expiry


def gcs_v4(blob):
    return blob.generate_signed_url(version="v4", expiration=timedelta(days=2), method="GET")  # expect: excessive-expiry


def gcs_v4_seconds(blob):
    return blob.generate_signed_url(version="v4", expiration=7200)  # expect: excessive-expiry


def azure_sas(account, key):
    return generate_blob_sas(
        account_name=account,
        container_name="exports",
        blob_name="customers.csv",
        account_key=key,
        permission=BlobSasPermissions(read=True),
        expiry=datetime.datetime.utcnow() + timedelta(hours=12),  # expect: excessive-expiry
    )


def cloudfront(signer: CloudFrontSigner, url):
    return signer.generate_presigned_url(url, date_less_than=datetime.datetime.now() + timedelta(days=30))  # expect: excessive-expiry


# Within policy: silent.
def fine(key, blob):
    s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=900)
    s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=3600)
    s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key})  # default 3600: at the limit
    blob.generate_signed_url(version="v4", expiration=timedelta(minutes=15))


# Dynamic values are counted, never guessed: the parameter shadows the module constant.
ttl = 604800


def dynamic(key, ttl):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)


# google-cloud-storage defaults to V2, where an integer is an absolute timestamp.
def gcs_v2_timestamp(blob):
    return blob.generate_signed_url(expiration=1767225600)
