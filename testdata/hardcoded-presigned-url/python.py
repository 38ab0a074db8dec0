"""Integration tests for the report download endpoints.

The signed URLs below were copied out of a staging run so the tests would not need AWS
credentials. They are long expired, but each one still names the key that signed it.
"""
import json
import re
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from botocore.config import Config

# Captured from `aws s3 presign` during the incident on 2024-01-15.
REPORT_URL = "https://acme-reports-prod.s3.amazonaws.com/exports/2024-01/customers.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA7IH4OQTN7563NBTA%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=73b24686ce7707140f78bda1a258bf809f4db601b25bf1e7f9def1f285449ce9"  # expect: hardcoded-presigned-url

# Same object, but signed by the CI role (temporary credentials, so it carries a token).
CI_REPORT_URL = (
    'https://acme-reports-prod.s3.amazonaws.com/exports/2024-01/invoices.parquet?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAQJQXP46J2GUYEFHY%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Security-Token=IQoJb3JpZ2luX2VjdPDQ%2BN4oCN35FMry2UYA8%2FH5Xl%2BWCoSdP3xMLRURP5DFQNG8osgVdwakYRSpOmk3UU%2FZX4av4KEbLVHVt1XWPfa0zPwsOQMAoMnUYVQNOzlXpw546X4hRmpy%2BKDbDw5%2BKaC3z60kiqKCUZZPTgvN1zxMD4uTD%2FBbGfzYnnEy3z5p6hghjr%2BEaG7SaciZILDDk4UEgsWgaVxMrL%2F3y1R%2FeYKKpqPGArmhJvnh1bTaqDJGLDRXVEiCXoQwAbEH98V%2F79algznhI8P6EC13f0iIe9nVoN8L119VGwNtHSNV%2BriEhmacTHjmhOiLSRTbKthBzroMHleqFygcS%2BqfBWHbo7%2Blrmr%2BO4Z8hIeDZo2y%2BJ%2BgIChsHMnKePmRVuiIL1RGQMvaPocxLLcYpLlEInVEhJzT8BXiDIus8JaxjW6JxL5uJU9ZDI5VQZX8Q8J3HLEhJzkCOKxCU82bxqQSisbtEgd727AAf44Ry6ASQ3aB7ftSuTNnqN8PRDJkedO9enQ5h5%2FV8WmTlQQRROjVy%2FFn2OwWrCMD5boi%2BIBu3i%2F0fHmERkr1&X-Amz-Signature=891daaaa422e161b35468201d0118a6fc29dc33ac0d7d411a748b2f5772981dc'  # expect: hardcoded-presigned-url
)

# An old boto2-era link that still sits in the legacy exporter's fixture table.
LEGACY_URLS = {
    "backup": 'https://acme-backups.s3.amazonaws.com/nightly/2024-01-15.tar.gz?AWSAccessKeyId=AKIA366DRHL62QWVEREF&Expires=1705317300&Signature=9ub7z5%2BDmfLB7a9Jks%2FMlHEetVA%3D',  # expect: hardcoded-presigned-url, legacy-signature-version
    # The bucket is public, so this one needs no signature at all:
    "logo": "https://acme-public-assets.s3.amazonaws.com/brand/logo.png",
}

CURL_EXAMPLE = """\
Download the archive with:

    curl -fSL -o archive.zip \\
      'https://acme-archive.s3.eu-west-1.amazonaws.com/archive/2023/q4.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAA4G6RL3YQ2LEJQZ3%2F20240115%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=1757cc52f195fdadef64458633876f021d3cc54406c82367db8e1f8b41cbc52e'
"""  # expect^: hardcoded-presigned-url

# Response body recorded from the PHP gateway, which escapes slashes and ampersands.
GATEWAY_RESPONSE = r'{"status": "ok", "download": "https:\/\/s3.amazonaws.com\/acme-reports-prod\/exports\/2024-01\/summary.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256\u0026X-Amz-Credential=AKIAU6HXOHO3Y5QXCME3%2F20240115%2Fus-east-1%2Fs3%2Faws4_request\u0026X-Amz-Date=20240115T101500Z\u0026X-Amz-Expires=600\u0026X-Amz-SignedHeaders=host\u0026X-Amz-Signature=ca1d27e87e756d16a883643091d2363b4aca4e1234a2cdbec4a1ecdecb5e2e4d"}'  # expect: hardcoded-presigned-url

SHARE_LINK = "https://acmeexports.blob.core.windows.net/reports/2024/january.xlsx?sv=2022-11-02&sr=b&sp=r&st=2024-01-15T10:15:00Z&se=2024-01-16T10:15:00Z&spr=https&sig=O%2FunN8Fj%2BWMXRZdXW%2FkgRoim4NHK5TWhfQ3b31MDBOc%3D"  # expect: hardcoded-presigned-url

# After login the app redirects to the signed GCS object named in `next`.
LOGIN_REDIRECT = "https://app.example.org/login?next=https%3A%2F%2Fstorage.googleapis.com%2Facme-media-eu%2Fthumbnails%2F8841.webp%3FX-Goog-Algorithm%3DGOOG4-RSA-SHA256%26X-Goog-Credential%3Dmedia-signer%2540acme-prod-4821.iam.gserviceaccount.com%252F20240115%252Fauto%252Fstorage%252Fgoog4_request%26X-Goog-Date%3D20240115T101500Z%26X-Goog-Expires%3D900%26X-Goog-SignedHeaders%3Dhost%26X-Goog-Signature%3D8401cbaaacd3c829d9a52d28b7d5b11e96ee072039b8a7993e4d22686c43db9a83dbf029c7bd9dbbe29cfe6dc285b7b1d21d0910e31d205fd38d0622d32aa005e712101feaef40c872e4b93c34c17de649abf4c512fff7fc11ae677aeab116a8d678a4d7118cb6e5f828470cb02adccadfd0ea7463b22071ae7bb59c3b8bb57fe581bf6ea8f0729d168aaa40be24031111f12b971cf110604666de090f4e2e1d52caa96c9769d696a79abc1936a20520df70f0992f77ef41fa9ef2b670e1eb808d331b358073fa5fc1d809aee550d0f659cc5d4cda31a031b31c7aea7833de45c2e544e4483de6951114c98c509d46ae61310c794d139ec59f9532c089d8b8cb"  # expect: hardcoded-presigned-url

# Not findings: documentation placeholders, patterns and URL building.
DOC_EXAMPLE = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=<signature>"
SIGNATURE_RE = re.compile(r"[?&]X-Amz-Signature=[0-9a-f]{64}")


def build_url(bucket, key, credential, amz_date, signature):
    return (
        f"https://{bucket}.s3.amazonaws.com/{key}?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={credential}&X-Amz-Date={amz_date}&X-Amz-Expires=900"
        f"&X-Amz-SignedHeaders=host&X-Amz-Signature={signature}"
    )


@pytest.fixture
def s3():
    return boto3.client("s3", region_name="us-east-1", config=Config(signature_version="s3v4"))


def test_fresh_links_are_short_lived(s3):
    url = s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": "acme-reports-prod", "Key": "exports/2024-01/customers.csv"},
        ExpiresIn=900,
    )
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["900"]
    assert SIGNATURE_RE.search(url)


def test_captured_links_have_expired():
    for url in (REPORT_URL, CI_REPORT_URL):
        assert "X-Amz-Date=20240115T101500Z" in url
    assert json.loads(GATEWAY_RESPONSE)["status"] == "ok"
