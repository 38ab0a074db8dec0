"""Signed-URL look-alikes that are not leaked signed URLs. Nothing in this file is a finding."""
import re

import boto3

# The AWS documentation's own examples: the placeholder key id marks them.
SIGV4_DOC_EXAMPLE = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
SIGV2_DOC_EXAMPLE = "https://awsexamplebucket1.s3.us-west-1.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620"
CLOUDFRONT_DOC_EXAMPLE = "https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1705317300&Signature=nitfHRCrtziwO2HwPfWw~yYDhUF5EwRunQA-j19DzZrvDh6hQ73lDx~-ar3UocvvRQVw6EkC~GdpGQyyOSKQim-TxAnW7d8F5Kkai9HVx0FIu-5jcQb0UEmatEXAMPLE3ReXySpLSMj0yCd3ZAB4UcBCAqEijkytL6f3fVYNGQI6&Key-Pair-Id=K2JCJMDEHXQW5F"

# Placeholders people write in docstrings and tickets.
ANGLE_PLACEHOLDER = "https://acme-reports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=<access-key-id>%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=<signature>"
ELLIPSIS_PLACEHOLDER = "https://acme-reports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...&X-Amz-Signature=..."
ALL_A = "https://acme-reports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
ALL_ZERO = "https://acme-reports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAXXXXXXXXXXXXXXXX%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000000"
REPEATED_PATTERN = "https://acme-reports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
AZURE_PLACEHOLDER = "https://myaccount.blob.core.windows.net/reports/report.csv?sv=2022-11-02&sr=b&sp=r&se=2024-01-16T10:15:00Z&spr=https&sig=EXAMPLE"
GCS_PLACEHOLDER = "https://storage.googleapis.com/acme-reports/report.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=SERVICE_ACCOUNT%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Signature=<signature>"
TRUNCATED = "https://acme-reports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA…&X-Amz-Signature=abc…"

# Plain object URLs: nothing is signed.
PUBLIC_LOGO = "https://acme-public-assets.s3.amazonaws.com/brand/logo.png"
PUBLIC_CDN = "https://d1a2b3c4d5e6f7.cloudfront.net/static/app.css"
PUBLIC_GCS = "https://storage.googleapis.com/acme-public/robots.txt"
PUBLIC_BLOB = "https://acmepublic.blob.core.windows.net/web/index.html"

# A SigV4 Authorization header (from a request dump) is not a URL.
AUTH_HEADER = "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240115/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=c615dc5e847a7372c8bdae5047abb499dc01d9bb6ae8e0c70c084cbd9bd6e71d"

# Patterns that match signed URLs.
SIGV4_RE = re.compile(r"[?&]X-Amz-Signature=[0-9a-f]{64}")
SAS_RE = re.compile(r"[?&]sig=[A-Za-z0-9%]+")
CLOUDFRONT_RE = re.compile(r"\?Expires=\d+&Signature=[A-Za-z0-9_~-]+&Key-Pair-Id=K[A-Z0-9]+")


def build_with_fstring(bucket, key, credential, amz_date, signature):
    return (
        f"https://{bucket}.s3.amazonaws.com/{key}?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={credential}&X-Amz-Date={amz_date}&X-Amz-Expires=900"
        f"&X-Amz-SignedHeaders=host&X-Amz-Signature={signature}"
    )


def build_with_percent(host, path, sig):
    return "https://%s/%s?sv=2022-11-02&sr=b&sp=r&spr=https&sig=%s" % (host, path, sig)


def build_with_concat(distribution, path, expires, sig, key_pair_id):
    return "https://" + distribution + ".cloudfront.net/" + path + "?Expires=" + str(expires) + "&Signature=" + sig + "&Key-Pair-Id=" + key_pair_id


def build_with_format(bucket, obj, account, expires, signature):
    return "https://storage.googleapis.com/{}/{}?GoogleAccessId={}&Expires={}&Signature={}".format(
        bucket, obj, account, expires, signature
    )


def verify(kms, key_id, message, signature):
    return kms.verify(KeyId=key_id, Message=message, Signature=signature, SigningAlgorithm="RSASSA_PSS_SHA_256")


def fresh_link(key):
    s3 = boto3.client("s3", region_name="us-east-1")
    return s3.generate_presigned_url("get_object", Params={"Bucket": "acme-reports", "Key": key}, ExpiresIn=900)
