"""Presign calls that run once per element, and look-alikes that must stay silent."""
import asyncio

import boto3
from google.cloud import storage

s3 = boto3.client("s3", region_name="eu-west-1")
BUCKET = "media"


def gallery(keys):
    links = {}
    for key in keys:
        links[key] = s3.generate_presigned_url(  # expect: presign-in-loop
            "get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=900
        )
    return links


def pages(paginator):
    token = None
    while True:
        page = paginator.next(token)
        s3.generate_presigned_post(BUCKET, page.key, ExpiresIn=600)  # expect: presign-in-loop
        if not page.more:
            break


urls = [s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": k}) for k in ["a", "b"]]  # expect: presign-in-loop
by_key = {k: s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": k}) for k in ["a"]}  # expect: presign-in-loop
lazy = (s3.generate_presigned_url("get_object", Params={"Key": k}) for k in ["a"])  # expect: presign-in-loop
mapped = list(map(lambda k: s3.generate_presigned_url("get_object", Params={"Key": k}), ["a"]))  # expect: presign-in-loop


def blobs(bucket: storage.Bucket, names):
    return [bucket.blob(n).generate_signed_url(version="v4", expiration=600) for n in names]  # expect: presign-in-loop


def presign_all(keys):
    # A batch helper by its name: it is there to presign many keys at once.
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": keys[0]})  # expect: presign-in-loop


def generate_presigned_urls(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key})  # expect: presign-in-loop


# --- Precision traps: all silent. ---

# One URL on demand, in a request handler.
def download(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=300)


# A function defined in a loop is not called per element by the loop.
handlers = []
for name in ["a", "b"]:
    def handler(key=name):
        return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key})
    handlers.append(handler)

# Non-presign S3 calls in a loop.
for key in ["a", "b"]:
    s3.head_object(Bucket=BUCKET, Key=key)
    s3.get_object(Bucket=BUCKET, Key=key)

# Same method names on things that do not presign.
class Router:
    def generate_presigned_url(self, path):
        return "/static/" + path


for path in ["a"]:
    print(path.upper())

# The parts of one multipart upload are presigned together by design.
for part in range(1, 4):
    s3.generate_presigned_url(
        "upload_part",
        Params={"Bucket": BUCKET, "Key": "big", "UploadId": "u", "PartNumber": part},
        ExpiresIn=900,
    )

# A comprehension that only lists keys; the presign happens later, per request.
keys = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def sign_url(key):
    # Not a batch helper: one URL.
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key})


async def main():
    # The presigned call is evaluated once, before the gather.
    url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "one"})
    await asyncio.gather(*[fetch(u) for u in [url]])


async def fetch(u):
    return u


def worker(queue):
    # Trap: an endless loop waits for a message per pass: one URL per message.
    while True:
        key = queue.get()
        s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=300)
        for related in queue.related(key):
            s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": related}, ExpiresIn=300)  # expect: presign-in-loop
