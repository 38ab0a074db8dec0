"""A command-line program that prints a presigned URL for the person who runs it (issue 14,
item 2): its terminal output is what it is for, not a log. Logger calls stay findings."""
import argparse
import logging

import boto3

log = logging.getLogger(__name__)


def presign(bucket, key, expires):
    s3 = boto3.client("s3", region_name="eu-west-1")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=expires)
    log.info("presigned %s", url)  # expect: presigned-url-logged
    return url


def main():
    parser = argparse.ArgumentParser(description="Print a download link for an S3 object.")
    parser.add_argument("bucket")
    parser.add_argument("key")
    parser.add_argument("--expires", type=int, default=900)
    args = parser.parse_args()
    url = presign(args.bucket, args.key, args.expires)
    s3 = boto3.client("s3", region_name="eu-west-1")
    direct = s3.generate_presigned_url("get_object", Params={"Bucket": args.bucket, "Key": args.key}, ExpiresIn=300)
    print(direct)
    print(f"Download link (valid {args.expires} s): {direct}")
    logging.warning("link: %s", direct)  # expect: presigned-url-logged


if __name__ == "__main__":
    main()
