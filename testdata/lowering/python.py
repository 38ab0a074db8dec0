import boto3
from datetime import timedelta
from app.settings import LINK_TTL as TTL

LINK_TTL = 15 * 60
s3 = boto3.client("s3", region_name="eu-west-1")


def share(key, expires=LINK_TTL, *, bucket="media"):
    url = s3.generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=expires
    )
    return url


def names(keys):
    for key in keys:
        print(key.upper())
    return [k.strip() for k in keys]


ttl = int(os.environ.get("URL_TTL", 900))
window = timedelta(minutes=10).total_seconds()
label = f"{len(names([]))} links"
