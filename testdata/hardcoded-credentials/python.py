import os

import boto3
from botocore.credentials import Credentials

# Positives: literal keys given to clients, sessions, resources and credentials objects.
s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAUJZDEGXDNCF32EPF",  # expect: hardcoded-credentials
    aws_secret_access_key="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",
)

session = boto3.Session(aws_access_key_id="AKIAH2KVJ72CEUVW75EF", aws_secret_access_key="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")  # expect: hardcoded-credentials

# Through plain local bindings: the finding points at the literal to remove.
key_id = "AKIAOA7LQSAJ2XUID5ZZ"  # expect: hardcoded-credentials
secret = "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"
resource = boto3.resource("s3", aws_access_key_id=key_id, aws_secret_access_key=secret)

# Only the secret is literal: the finding points at it.
sts = boto3.client(
    "sts",
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key="yEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7",  # expect: hardcoded-credentials
)

# Temporary credentials with a session token.
temporary = boto3.client(
    "s3",
    aws_access_key_id="ASIAW2HNYWT3FD6MX4MU",  # expect: hardcoded-credentials
    aws_secret_access_key="r3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5d",
    aws_session_token="U8d0FZfWe7ihGyiRUIQfHOJMaidDn87XG3/q/xbMtEPO6UkzYuF0ie9Pu2njHkAm1/5wDr16EpLLJIVGHz4FxFEtKyPiYGFDm7ena8D5VfLDpgyyjVw5HanSBeVRsfAGeAbP0VxNjAe/9i0mYtluYI0KN1gNT11cUzYZAa3u2olZU6uqbgsY",
)

# botocore's credentials object, by position.
creds = Credentials("AKIAE4UMR46PQM4I2HZ4", "OjE2jBMptUsGr7CmY+uCu3ZR1zTOlUcR64cXQLio")  # expect: hardcoded-credentials

# Settings-module constants (django-storages style): a bare key id and secret assigned to
# access-key names.
AWS_ACCESS_KEY_ID = "AKIAOGFQRCLRI3QZJ7UF"  # expect: hardcoded-credentials
AWS_SECRET_ACCESS_KEY = "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"

# Constants read by a client whose key id comes from elsewhere: one finding for the pair,
# at the key id.
S3_ACCESS_KEY_ID = "AKIABM6P4G37ZTNOVMIZ"  # expect: hardcoded-credentials
S3_SECRET_ACCESS_KEY = "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"
reader = boto3.client("s3", aws_access_key_id=os.environ["ID"], aws_secret_access_key=S3_SECRET_ACCESS_KEY)

# Negatives.
# Documentation placeholders.
doc = boto3.client(
    "s3",
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
    aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
)
# Environment lookups, parameters and calls.
env = boto3.client(
    "s3",
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.getenv("AWS_SECRET_ACCESS_KEY"),
)


def make_client(access_key, secret_key):
    return boto3.client("s3", aws_access_key_id=access_key, aws_secret_access_key=secret_key)


# LocalStack / MinIO local defaults.
local = boto3.client(
    "s3",
    endpoint_url="http://localhost:4566",
    aws_access_key_id="test",
    aws_secret_access_key="test",
)
minio = boto3.client("s3", aws_access_key_id="minioadmin", aws_secret_access_key="minioadmin")
# Empty strings, templates, placeholders.
empty = boto3.client("s3", aws_access_key_id="", aws_secret_access_key="")
templ = boto3.client("s3", aws_access_key_id="${AWS_KEY}", aws_secret_access_key="<your-secret-key>")
xs = boto3.client("s3", aws_access_key_id="AKIAXXXXXXXXXXXXXXXX", aws_secret_access_key="x" * 40)
# A key-id-shaped string that is not assigned to a key name or passed to a credential slot.
log_line = "AKIAPT6ZHKKEN7O4V43I"
# A 40-character secret-shaped value under an unrelated name.
commit_token = "yFlwRlOEVHzc0X0AWIRh/JUqBlIFXZ53Ncqe28+a"
# A lowercase hex digest passed where a secret goes is not an AWS secret.
odd = boto3.client("s3", aws_secret_access_key="0123456789abcdef0123456789abcdef01234567")
