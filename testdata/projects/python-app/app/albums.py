from app.thumbnails import album_thumbnail, thumbnail_link


def cover_key(album_id):
    if not album_id or album_id.startswith("draft-"):
        return None
    return f"albums/{album_id}/cover.jpg"


def parent_thumbnail(album_id):
    parent, _, _ = album_id.rpartition("/")
    return album_thumbnail(parent)


def cover_link(album_id, ttl):
    return thumbnail_link(cover_key(album_id), ttl)


def album_page(album_id):
    return {"id": album_id, "cover": album_thumbnail(album_id)}
