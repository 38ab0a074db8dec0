"""legacy-signature-version: botocore signature versions."""
import os

import boto3
from botocore.client import Config as ClientConfig
from botocore.config import Config

legacy = boto3.client(
    "s3",
    region_name="us-east-1",
    config=Config(signature_version="s3"),  # expect: legacy-signature-version
)

query = Config(signature_version="s3-query")  # expect: legacy-signature-version
v2 = ClientConfig(signature_version="v2", region_name="us-east-1")  # expect: legacy-signature-version
LEGACY = "s3"
through_constant = Config(signature_version=LEGACY)  # expect: legacy-signature-version

# Negatives: SigV4 names, run-time values, the word in a comment or a string.
v4 = Config(signature_version="s3v4")
v4_plain = Config(signature_version="v4")
from_env = Config(signature_version=os.environ.get("SIG_VERSION", "s3v4"))
# Config(signature_version="s3") was the old default
NOTE = "signature_version='s3' is legacy"
kwargs = {"signature_version": "s3"}  # not a client configuration
