"""Expiry-looking values that are not presign expiries: all must stay silent."""
import boto3
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
