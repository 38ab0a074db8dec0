"""Regression tests for the asset mirror, which copies objects between the clouds we sell in.

The links below were pasted from the mirror's logs during the 2024-01-15 incident. They have
expired, but each names the bucket, the object and the key that signed it.
"""
import pytest
import requests
from qiniu import Auth

# Aliyun OSS, V1 signature (the SDK default for years).
OSS_BANNER = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/banners/2024/spring.jpg?OSSAccessKeyId=LTAI5tJPtY6KeZBhO5mQnN8w&Expires=1705317300&Signature=QKTDDBYmhQ82vuEvQALsoEl6c3M%3D"  # expect: hardcoded-presigned-url

# Signed with STS credentials from the mirror's RAM role: it carries a security token.
OSS_STS = "https://acme-media-cn.oss-cn-shanghai.aliyuncs.com/exports/orders.csv?OSSAccessKeyId=STS.NUINsw0l9LCp3DqhU710WEMy6&Expires=1705317300&Signature=x6L%2BFmgqxoaWyfqui%2BGnIzChm%2BU%3D&security-token=CAISRtrKvlyVcuiTddVNi5b8aGFG3fq%2FbheeK2pWMREn1rasagz03k4OtXostSXuxxSdB3TXgnaLmcb8cEUAFmz%2FU%2Fmfx9iC810eht5FP1q4fof072JCiKrIEHjiqcS%2B0%2BLBU3yeTf965odaLucUn1cliLToQ0Yq369m"  # expect: hardcoded-presigned-url

# Aliyun OSS, V4 signature (oss2 with SignerV4).
OSS_V4 = (
    "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/videos/launch.mp4"  # expect: hardcoded-presigned-url
    "?x-oss-signature-version=OSS4-HMAC-SHA256"
    "&x-oss-credential=LTAI5t2l7ExJvQWuYBP7hHxe%2F20240115%2Fcn-hangzhou%2Foss%2Faliyun_v4_request"
    "&x-oss-date=20240115T101500Z&x-oss-expires=3600"
    "&x-oss-signature=5cfe7f4b2686a9ee0a02972a001a1cc355b3e9f2f659199557bfdc87a516cc77"
)

# Tencent COS, the query the SDK's get_presigned_url returns.
COS_CONTRACT = "https://acme-contracts-1250000000.cos.ap-guangzhou.myqcloud.com/2024/msa.pdf?q-sign-algorithm=sha1&q-ak=AKIDM0HinQ113V5BNeeSeWQBWTCpXDPb6H5j&q-sign-time=1705313700;1705317300&q-key-time=1705313700;1705317300&q-header-list=host&q-url-param-list=&q-signature=1a73276f4db7f93fcaf452fd2e05cb8c280434a9"  # expect: hardcoded-presigned-url

# The same, as older SDKs wrote it: the whole signature in one `sign` parameter.
COS_SIGN = "https://acme-contracts-1250000000.cos.ap-guangzhou.myqcloud.com/2024/nda.pdf?sign=q-sign-algorithm%3Dsha1%26q-ak%3DAKIDM0HinQ113V5BNeeSeWQBWTCpXDPb6H5j%26q-sign-time%3D1705313700%253B1705317300%26q-key-time%3D1705313700%253B1705317300%26q-header-list%3D%26q-url-param-list%3D%26q-signature%3Daad8198be53bb2c8db1c30d9fa3d30b36d2c7c6f"  # expect: hardcoded-presigned-url

# Qiniu private download URL on the bucket's test domain (plain http, as those domains are).
QINIU_TEST_DOMAIN = "http://acme-video.sh-bkt.clouddn.com/raw/keynote.mp4?e=1705317300&token=1UH1-mXCxcDI1uoBHtnP7EUsFxpeZwrbMC9WZBLW:QZbA2DU8dOlGHCN72ZR4sGBkkGY="  # expect: hardcoded-presigned-url, insecure-transport

# Qiniu on the bucket's own CDN domain: read because this file names `qiniu`.
QINIU_CDN = "https://video.acme.example.cn/hls/keynote/index.m3u8?e=1705317300&token=1UH1-mXCxcDI1uoBHtnP7EUsFxpeZwrbMC9WZBLW:ByiXHOebNL-U4PTkQsJj8FUvTTc="  # expect: hardcoded-presigned-url

# Huawei OBS, signed in the query.
OBS_DUMP = "https://acme-backup-cn.obs.cn-north-4.myhuaweicloud.com/db/2024-01-15/dump.sql.gz?AccessKeyId=1IL0ES5L0UDAOP0W3JOW&Expires=1705317300&Signature=j15o3PDICmuIbKLapPR7fzrT0b0%3D"  # expect: hardcoded-presigned-url


@pytest.mark.parametrize("url", [OSS_BANNER, OSS_STS, OSS_V4, COS_CONTRACT, COS_SIGN, OBS_DUMP])
def test_mirror_keeps_the_object_name(url):
    assert requests.head(url, timeout=5).status_code in (200, 403)


def private_link(auth: Auth, key: str) -> str:
    # What the code should do instead: sign on demand, briefly.
    return auth.private_download_url(f"https://video.acme.example.cn/{key}", expires=300)
