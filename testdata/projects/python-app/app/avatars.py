from app.storage.s3 import presign_with_retry


def avatar(user_id):
    return presign_with_retry(f"avatars/{user_id}.png", 900)
