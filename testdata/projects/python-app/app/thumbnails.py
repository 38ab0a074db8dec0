from app.albums import cover_key, cover_link, parent_thumbnail
from app.storage.s3 import presign


def thumbnail_link(key, ttl):
    return presign("thumbs/" + key, ttl)


def album_thumbnail(album_id):
    # An album without a cover shows its parent's: albums.py calls back into this module.
    key = cover_key(album_id)
    if key is None:
        return parent_thumbnail(album_id)
    return thumbnail_link(key, 600)


def banner(album_id):
    return cover_link(album_id, 2 * 86400)  # expect: excessive-expiry
