"""Signs CloudFront URLs for the download service."""
import datetime

import rsa
from botocore.signers import CloudFrontSigner

KEY_PAIR_ID = "K2JCJMDEHXQW5F"

# Positive: the signing key written into the source.
PRIVATE_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA575yx8xm5MslfY5ubiheyEd7P4zDL/ak6J0kGODKdinZnLXi
caBAg8WY1jzIRlNQb0prFmbh7+wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q
9rXxtNDFyuzX9k1gnneGEYG1+LwiqD9jJBAciI05FhfwKVqlUr5Qrec8TNecj9iN
Orjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo/+GbVMszvR4/EPZGz3zBXCOAr
r/SfiJvo58JB0W/O5PjeJfJTNcrZ6ydIEsgo5nVjzz8Gwb8ewCISuYCl0Xq56zaW
R7PAmpBFXlNPHcSke4R1J+dBi2ewQr8t4/lC4LvGNWAMsI/z0oaWdfZp+lvi60ZI
F8/qR38Ony1dHqceytDbKPTF/n/pGz3cW0uABBrDSxOOyBymrEqlHXm31qzZcmzT
-----END RSA PRIVATE KEY-----"""  # expect^^^^^^^^: hardcoded-credentials


def sign(url: str) -> str:
    signer = CloudFrontSigner(KEY_PAIR_ID, lambda message: rsa.sign(message, rsa.PrivateKey.load_pkcs1(PRIVATE_KEY.encode()), "SHA-1"))
    expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=5)
    return signer.generate_presigned_url(url, date_less_than=expires)


# Negative: a placeholder key in the same file.
EXAMPLE_KEY = """-----BEGIN RSA PRIVATE KEY-----
<your CloudFront private key>
-----END RSA PRIVATE KEY-----"""
