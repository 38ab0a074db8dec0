from app.assets.storage import AssetStorage


def download(asset):
    # The expiry is left out: the wrapper's 2-hour default applies, at the call, whatever
    # other options are passed.
    storage = AssetStorage()
    return storage.generate_presigned_url(  # expect: excessive-expiry
        object_name=asset.name,
        disposition="attachment",
        filename=asset.title,
    )


def preview(asset):
    storage = AssetStorage()
    return storage.generate_presigned_url(object_name=asset.name, expiration=300)
