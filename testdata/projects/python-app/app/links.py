import logging

from app.storage.s3 import presign, presign_capped, presign_fixed
from .config import LINK_TTL, SHORT_TTL

log = logging.getLogger(__name__)


def signed_link(key, ttl=36000):
    return presign(key, ttl)


def share(key):
    return signed_link(key, LINK_TTL)  # expect: excessive-expiry


def share_default(key):
    return signed_link(key)  # expect: excessive-expiry


def share_short(key):
    return signed_link(key, SHORT_TTL)


def capped(key):
    return presign_capped(key, 999999)


def fixed(key):
    return presign_fixed(key)


def forwarded(key, ttl):
    # A value from an unknown source stays dynamic.
    return signed_link(key, ttl)


def traced(key):
    url = signed_link(key, 60)
    log.info("link %s", url)  # expect: presigned-url-logged
