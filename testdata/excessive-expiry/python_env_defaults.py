"""Defaults behind a lookup (issue 14, item 7): the fallback of an environment or config lookup
is the value the program runs with when the setting is not set."""
import os

import boto3
from django.conf import settings

s3 = boto3.client("s3", region_name="eu-west-1")
URL_TTL = int(os.environ.get("URL_TTL", 86400))


def module_constant(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=URL_TTL)  # expect: excessive-expiry


def getenv_string(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=int(os.getenv("LINK_TTL", "21600")))  # expect: excessive-expiry


def config_get(key, config):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=config.get("url_ttl", 7200))  # expect: excessive-expiry


def django_settings(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=getattr(settings, "LINK_TTL", 10800))  # expect: excessive-expiry


def or_default(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=int(os.environ.get("LINK_TTL") or 14400))  # expect: excessive-expiry


def over_the_signing_limit(key):
    ttl = int(os.getenv("LINK_TTL", str(8 * 86400)))
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)  # expect: expiry-exceeds-limit


def over_the_signing_limit_number(key):
    ttl = int(os.getenv("LINK_TTL", 30 * 86400))
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=ttl)  # expect: expiry-exceeds-limit


# --- Traps: all silent. ---


def short_default(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=int(os.environ.get("URL_TTL", 900)))


def no_default(key):
    # Set at run time, with nothing to fall back on: counted as dynamic, not guessed.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=int(os.environ["URL_TTL"]))


def config_written_here(key):
    # The program's own config holds the key: its value, not the fallback, is used.
    config = {"url_ttl": 600}
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=config.get("url_ttl", 604800))


def not_a_config(key, cache):
    # A cache read is not a setting.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=cache.get("ttl", 604800))


def get_int_from_env(name, default_value):
    # The project's own environment helper: the default is what runs when the variable is unset.
    value = os.environ.get(name)
    if value is None:
        return default_value
    return int(value)


def helper_default(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=get_int_from_env("URL_TTL", 2 * 86400))  # expect: excessive-expiry


def helper_short_default(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=get_int_from_env("URL_TTL", 600))


def not_an_env_helper(key):
    # A helper of another source (a cache's entry, its own lifetime): not a setting's default.
    from app.cache import get_int_from_cache

    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=get_int_from_cache("URL_TTL", 2 * 86400))
