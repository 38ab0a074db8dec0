"""Defaults given in the body: the caller's value wins when there is one."""
from app.storage.s3 import presign


def link_or_default(key, ttl=None):
    if ttl is None:
        ttl = 600
    return presign(key, ttl)


def day_unless_given(key, ttl=None):
    ttl = ttl or 86400
    return presign(key, ttl)


def capped_link(key, ttl):
    # A cap, not a default: a longer value of the caller's is never used.
    if ttl > 900:
        ttl = 900
    return presign(key, ttl)


def archive(key):
    return link_or_default(key, 2 * 86400)  # expect: excessive-expiry


def thumbnail(key):
    return link_or_default(key)


def nightly(key):
    return day_unless_given(key)  # expect: excessive-expiry


def quick(key):
    return day_unless_given(key, 300)


def huge(key):
    return capped_link(key, 30 * 86400)
