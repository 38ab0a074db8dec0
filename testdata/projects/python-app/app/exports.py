"""Wrappers reached through a wildcard import: `from app.links import *` brings `signed_link`."""
from app.links import *


def export_link(key):
    return signed_link(key, 2 * 86400)  # expect: excessive-expiry


def export_all(keys):
    return [signed_link(k, 600) for k in keys]  # expect: presign-in-loop


def not_imported(key):
    # Not a name of app.links: no presign site.
    return sign_later(key, 2 * 86400)
