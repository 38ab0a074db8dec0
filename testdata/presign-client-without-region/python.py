"""presign-client-without-region: boto3 clients that presign."""
import datetime

import boto3
from botocore.config import Config
from botocore.signers import CloudFrontSigner

from app.settings import S3_CONFIG, session as shared_session

s3 = boto3.client("s3")  # expect: presign-client-without-region
report = s3.generate_presigned_url("get_object", Params={"Bucket": "r", "Key": "q3.pdf"})


def upload_form(key):
    client = boto3.session.Session().client("s3")  # expect: presign-client-without-region
    return client.generate_presigned_post("uploads", key, ExpiresIn=600)


resource = boto3.resource("s3", config=Config(signature_version="s3v4"))  # expect: presign-client-without-region
via_resource = resource.meta.client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})


class Links:
    def __init__(self):
        self.s3 = boto3.client("s3")  # expect: presign-client-without-region

    def link(self, key):
        return self.s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key})


# Negatives: a region from an argument, a positional argument, a Config, a session.
with_region = boto3.client("s3", region_name="eu-west-1")
a = with_region.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})
positional = boto3.client("s3", "eu-west-1")
b = positional.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})
configured = boto3.client("s3", config=Config(region_name="eu-west-1", signature_version="s3v4"))
c = configured.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})
session = boto3.session.Session(region_name="eu-west-1")
from_session = session.client("s3")
d = from_session.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})

# Dynamic: a client passed in, an imported config or session, a factory, **kwargs.
def from_param(client):
    return client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})


imported_config = boto3.client("s3", config=S3_CONFIG)
e = imported_config.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})
imported_session = shared_session.client("s3")
f = imported_session.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})
factory = make_client()
g = factory.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})
OPTIONS = load_options()
splat = boto3.client("s3", **OPTIONS)
h = splat.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})

# A client without a region that never presigns; CloudFront has no region.
uploader = boto3.client("s3")
uploader.upload_file("a", "b", "c")
signer = CloudFrontSigner("K2JCJMDEHXQW5F", rsa_signer)
cdn = signer.generate_presigned_url("https://d111.cloudfront.net/a", date_less_than=datetime.datetime(2030, 1, 1))
