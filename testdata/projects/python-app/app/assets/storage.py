import os
from urllib.parse import quote

import boto3


class AssetStorage:
    def __init__(self):
        self.signed_url_expiration = int(os.environ.get("SIGNED_URL_EXPIRATION", "7200"))
        self.s3_client = boto3.client("s3", region_name="eu-west-1")

    def generate_presigned_url(self, object_name, expiration=None, disposition="inline", filename=None):
        if expiration is None:
            expiration = self.signed_url_expiration
        return self.s3_client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": "assets",
                "Key": str(object_name),
                "ResponseContentDisposition": f"{disposition}; filename*=UTF-8''{quote(filename or 'x')}",
            },
            ExpiresIn=expiration,
        )
