"""S3-compatible stores (issue 15): Cloudflare R2 signs for "auto", Backblaze B2 and MinIO take
any region, so a client pointed at their endpoint (or at one read at run time) is not reported
for lacking one. An AWS endpoint without a region still is."""
import os

import boto3

r2 = boto3.client("s3", endpoint_url="https://abc123.r2.cloudflarestorage.com", region_name="auto")
b2 = boto3.client("s3", endpoint_url="https://s3.us-west-002.backblazeb2.com")
minio = boto3.client("s3", endpoint_url=os.environ["S3_ENDPOINT"])
aws = boto3.client("s3", endpoint_url="https://s3.amazonaws.com")  # expect: presign-client-without-region


def links(key):
    return [
        r2.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=600),
        b2.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=600),
        minio.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=600),
        aws.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=600),
    ]
