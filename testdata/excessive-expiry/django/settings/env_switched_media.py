"""Traps: all silent. Signing is off unless the deployment turns it on (the switch's default is
False), so the expiries below are never used by default."""
import os
from datetime import timedelta


def get_bool_from_env(name, default_value):
    value = os.environ.get(name)
    if value is None:
        return default_value
    return value.lower() in ("true", "1")


AWS_QUERYSTRING_AUTH = get_bool_from_env("AWS_QUERYSTRING_AUTH", False)
AWS_QUERYSTRING_EXPIRE = 604800

GS_QUERYSTRING_AUTH = os.environ.get("GS_QUERYSTRING_AUTH") or False
GS_EXPIRATION = timedelta(days=7)
