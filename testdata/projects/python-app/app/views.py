from app.links import signed_link
from app import links


def listing(keys):
    return [signed_link(k, 4 * 86400) for k in keys]  # expect: excessive-expiry, presign-in-loop


def export_all(keys):
    urls = []
    for k in keys:
        urls.append(signed_link(k, 1800))  # expect: presign-in-loop
    return urls


def one(key):
    return links.signed_link(key, 2 * 3600)  # expect: excessive-expiry


def level3(key, ttl):
    return links.forwarded(key, ttl)


def deep(key):
    return level3(key, 10 * 86400)  # expect: expiry-exceeds-limit
