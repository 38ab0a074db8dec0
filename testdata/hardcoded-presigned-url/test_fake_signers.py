"""Functional tests of the presigner: the expected URLs are signed by the test doubles'
credentials (`access_key`/`secret_key`, MinIO's published `minioadmin`), identities no
cloud issues. They are not leaks; a key an S3-compatible store could really have issued is."""
import datetime
from unittest import mock


def test_presign_sts(client):
    # AWS signs only with AKIA/ASIA keys: `access_key` is a test double's.
    expected_url = (
        'https://sts.us-west-2.amazonaws.com/?Action=GetCallerIdentity&'
        'Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&'
        'X-Amz-Credential=access_key%2F20170322%2Fus-west-2%2Fsts%2F'
        'aws4_request&X-Amz-Date=20170322T000000Z&X-Amz-Expires=3600&'
        'X-Amz-SignedHeaders=host&X-Amz-Signature=da7b57c877d3573e54aa'
        '7ec54205d3ccf2e22a93bb3366905595e31f35db80ea'
    )
    assert client.generate_presigned_url("get_caller_identity", {}) == expected_url


# Cloud Storage signs as a service account (an email) or with a GOOG HMAC key.
GCS_DOUBLE = "https://storage.googleapis.com/bucket/object?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=signer%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240115T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=4fa82c436ccec9347dffca1b540c34b82041d5330b4b3f618edadd97c7adfc1bc818e8eadb5fb7a42ff6ca7ecf52632c73321fd42173d9850638f4d2e7378932987e41821e72cd0e33ccc386906b89f6e17999d60b138c7593a03ba04c11c83a6fc8e7e714109e00bc0cf21d111b643f06abfdcdb468d212401201df91de01ff900117cba36889b39e80652474ee32fc2dcc829d8ded3ee7ee3357577decb3da024441c5ccd988d4a0ba98ee679b60ad162ec6a54cd7c5191db5cc6fcc2f12dfbf3fbe905726df2c773dfd84f5f1b4930dd01d53e201c4d33e6f30d81b6032a37da297a0018c24c3f330b3ba9d7197fcbd2d026a95d5a68f3a6a793635d8a708"

# MinIO's default credentials, published in its documentation.
MINIO_DEFAULT = "http://minio:9000/uploads/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=minioadmin%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=0aee02f8d877c6bf488171b0716ca80e96a95cac2ca8afbb7f7fdce17799f999"

# Traps: an S3-compatible store issues keys of its own shape, so a key that is not a test
# double's is reported (here over plain HTTP on the emulator's host: a note), and so is an
# AWS-shaped key on AWS.
MINIO_CI = "http://minio:9000/uploads/b.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ci-uploader-7f3k%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=74880eafe25f22169e25af0fe27aae7f1ab5cf44142baedb7265db2661de96c8"  # expect: hardcoded-presigned-url, insecure-transport@note
CAPTURED = (
    'https://acme-exports.s3.us-west-2.amazonaws.com/a.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&'  # expect: hardcoded-presigned-url
    'X-Amz-Credential=AKIAQ4T7ZK2XN5L3P6RW%2F20240115%2Fus-west-2%2Fs3%2F'
    'aws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&'
    'X-Amz-SignedHeaders=host&X-Amz-Signature=ec062b48456c80bb7063f91aefa5b5650202515975d9837984c8641b2799c521'
)


def test_presigned_versioned_id():
    # MinIO's classic default credentials (minio/minio123), over http://localhost.
    assert presign() == (
        'http://localhost:9000/bucket-name/objectName?versionId=uuid&'
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&'
        'X-Amz-Credential=minio%2F20150620%2Fus-east-1%2Fs3%2Faws4_request&'
        'X-Amz-Date=20150620T010203Z&X-Amz-Expires=604800&'
        'X-Amz-SignedHeaders=host&'
        'X-Amz-Signature=7c1be4d58a0f3e92b6a4c07d1e5f8b3a9d2c6e0f4a7b1d85'
        'c3e9f2a6b0d4c817'
    )
