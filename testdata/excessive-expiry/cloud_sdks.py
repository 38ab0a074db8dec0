"""MinIO, django-storages' url(expire=), and other clouds' object stores in Python (issue 15)."""
from datetime import datetime, timedelta

import oss2
import qiniu
from django.core.files.storage import default_storage
from minio import Minio
from minio.datatypes import PostPolicy
from obs import ObsClient
from qcloud_cos import CosS3Client

client = Minio("play.min.io", access_key="x", secret_key="y")


def minio_calls(name):
    a = client.presigned_get_object("b", name, expires=timedelta(days=2))  # expect: excessive-expiry
    b = client.presigned_put_object("b", name)  # expect: excessive-expiry
    c = client.get_presigned_url("GET", "b", name, timedelta(days=8))  # expect: expiry-exceeds-limit
    d = client.presigned_get_object("b", name, expires=timedelta(minutes=10))
    return a, b, c, d


def minio_post_policies():
    long = PostPolicy("uploads", datetime.utcnow() + timedelta(days=2))  # expect: excessive-expiry
    # A policy's expiration has no signing limit of its own: long, not over a limit.
    over = PostPolicy("uploads", datetime.utcnow() + timedelta(days=10))  # expect: excessive-expiry
    short = PostPolicy("uploads", datetime.utcnow() + timedelta(minutes=15))
    return client.presigned_post_policy(long), over, short


def django_url(name):
    long = default_storage.url(name, expire=86400)  # expect: excessive-expiry
    short = default_storage.url(name, expire=300)
    plain = default_storage.url(name)
    return long, short, plain


def other_clouds(bucket: oss2.Bucket, cos: CosS3Client, obs: ObsClient, q: qiniu.Auth, key):
    a = bucket.sign_url("GET", key, 60 * 60 * 24 * 365 * 20)  # expect: excessive-expiry
    b = cos.get_presigned_url(Bucket="b", Key=key, Method="GET", Expired=86400)  # expect: excessive-expiry
    c = cos.get_presigned_download_url(Bucket="b", Key=key)
    d = obs.createSignedUrl("GET", "b", key, expires=7200)  # expect: excessive-expiry
    e = q.private_download_url("https://cdn.example.com/" + key, expires=3600 * 48)  # expect: excessive-expiry
    f = q.private_download_url("https://cdn.example.com/" + key)
    return a, b, c, d, e, f


def traps(cache, page, session):
    cache.set("k", "v", expire=86400 * 30)
    session.url(page, timeout=86400)
    return page.url("x")
