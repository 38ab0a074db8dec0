"""Expiry-looking values that are not presign expiries: all must stay silent."""
import boto3
import presign_helpers
import presign_helpers as helpers
import jwt
import redis
from flask import make_response

s3 = boto3.client("s3")

# OAuth token responses.
TOKEN_RESPONSE = {"access_token": "x", "token_type": "Bearer", "expires_in": 604800}

# JWT lifetimes.
token = jwt.encode({"sub": "u", "exp": 604800}, "k", algorithm="HS256")
SIMPLE_JWT = {"ACCESS_TOKEN_LIFETIME": 604800}

# Cookies and caches.
response = make_response("ok")
response.set_cookie("session", "v", max_age=604800)
cache = redis.Redis()
cache.set("k", "v", ex=604800)
cache.expire("k", 86400)

# S3 lifecycle rules: object expiration, not URL expiration.
s3.put_bucket_lifecycle_configuration(
    Bucket="logs",
    LifecycleConfiguration={"Rules": [{"ID": "expire", "Status": "Enabled", "Expiration": {"Days": 365}}]},
)

# Non-presign S3 calls with expiry-like arguments.
s3.put_object(Bucket="b", Key="k", Body=b"x", Expires=604800)
s3.get_object(Bucket="b", Key="k", ResponseExpires="Thu, 01 Dec 1994 16:00:00 GMT")


def generate_presigned_url(key, ExpiresIn=604800):
    """A user wrapper named like the SDK method: its definition is not a presign call.

    Example: s3.generate_presigned_url("get_object", ExpiresIn=604800)
    """
    return key


# generate_presigned_url(..., ExpiresIn=604800) in a comment is not a call.
monkeypatch_target = "generate_presigned_url"


def wrapped(s3):
    """The program's own module wraps boto3 under the same name: a module function, not a
    client method, so neither its arguments nor its result are read as a presign's."""
    url = presign_helpers.generate_presigned_url(s3, "get_object", {"Key": "k"}, 7 * 24 * 3600)
    print(url)
    link = helpers.generate_presigned_url(s3, "get_object", {"Key": "k"}, 7 * 24 * 3600)
    print(link)
