"""Presigned URLs written to output or logs, and look-alikes that must stay silent."""
import logging
import sys

import boto3
from flask import jsonify

s3 = boto3.client("s3", region_name="eu-west-1")
log = logging.getLogger(__name__)
logger = logging.getLogger("share")


def share(key):
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=900)
    print(url)  # expect: presigned-url-logged
    u2 = url
    logger.info(u2)  # expect: presigned-url-logged
    log.info("download link for %s: %s", key, url)  # expect: presigned-url-logged
    logging.warning(f"link: {url}")  # expect: presigned-url-logged
    log.debug("link: " + url)  # expect: presigned-url-logged
    log.error("link: {}".format(url))  # expect: presigned-url-logged
    print("link: %s" % url)  # expect: presigned-url-logged
    sys.stdout.write(url + "\n")  # expect: presigned-url-logged
    logging.getLogger(__name__).info("%s", url)  # expect: presigned-url-logged
    print(s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}))  # expect: presigned-url-logged
    post = s3.generate_presigned_post("media", key, ExpiresIn=600)
    log.info("post form: %s", post)  # expect: presigned-url-logged
    return url


# --- Precision traps: all silent. ---

def handler(key):
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=300)
    # Logging what was signed, not the URL.
    log.info("presigned %s for 300 s", key)
    print("expires in", 300)
    # Returning or sending the URL is its purpose.
    return jsonify({"url": url})


def other_urls(key):
    # A URL that is not presigned.
    url = f"https://media.example.com/{key}"
    print(url)
    log.info("public link %s", url)


def shadowed(key):
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key})
    url = "https://media.example.com/" + key
    print(url)
    return url


class Router:
    def generate_presigned_url(self, path):
        return "/static/" + path


def not_a_logger(key, dialog):
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key})
    dialog.info(url)
    cache = {}
    cache.update(url=url)
    return url
