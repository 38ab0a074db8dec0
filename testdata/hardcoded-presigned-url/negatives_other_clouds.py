"""Other clouds' signed-URL look-alikes that are not leaked signed URLs. Nothing in this file
is a finding."""

# Documentation placeholders: Aliyun OSS.
OSS_DOC = "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/oss-api.pdf?OSSAccessKeyId=nz2pc56s936****&Expires=1141889120&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D"
OSS_YOUR_KEY = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId=YOUR_ACCESS_KEY&Expires=1705317300&Signature=QKTDDBYmhQ82vuEvQALsoEl6c3M%3D"
OSS_XXXX_KEY = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId=LTAI5tXXXXXXXXXXXXXXXXXX&Expires=1705317300&Signature=QKTDDBYmhQ82vuEvQALsoEl6c3M%3D"
OSS_XXXX_SIGNATURE = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId=LTAI5tJPtY6KeZBhO5mQnN8w&Expires=1705317300&Signature=xxxx"
OSS_ANGLE_SIGNATURE = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId=LTAI5tJPtY6KeZBhO5mQnN8w&Expires=1705317300&Signature=<signature>"
OSS_V4_TEMPLATE = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/a.jpg?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=<AccessKeyId>%2F<date>%2F<region>%2Foss%2Faliyun_v4_request&x-oss-date=<date>&x-oss-expires=3600&x-oss-signature=<signature>"
# A signature version that is not OSS4-HMAC-SHA256 or OSS2.
OSS_UNKNOWN_VERSION = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/a.jpg?x-oss-signature-version=OSS9&x-oss-credential=LTAI5tJPtY6KeZBhO5mQnN8w%2F20240115%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-signature=5cfe7f4b2686a9ee0a02972a001a1cc355b3e9f2f659199557bfdc87a516cc77"
# Unsigned: a public-read object.
OSS_PUBLIC = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/banners/2024/spring.jpg"
OSS_PROCESSED = "https://acme-media-cn.oss-cn-hangzhou.aliyuncs.com/banners/2024/spring.jpg?x-oss-process=image/resize,w_200"

# Tencent COS: the SDK documentation's SecretId, a template, and a URL without q-signature.
COS_DOC = "https://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/exampleobject?q-sign-algorithm=sha1&q-ak=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM&q-sign-time=1550129000;1550132600&q-key-time=1550129000;1550132600&q-header-list=host&q-url-param-list=&q-signature=<signature>"
COS_EXAMPLE_KEY = "https://acme-contracts-1250000000.cos.ap-guangzhou.myqcloud.com/a.pdf?q-sign-algorithm=sha1&q-ak=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&q-sign-time=1705313700;1705317300&q-key-time=1705313700;1705317300&q-header-list=host&q-url-param-list=&q-signature=1a73276f4db7f93fcaf452fd2e05cb8c280434a9"
COS_UNSIGNED = "https://acme-contracts-1250000000.cos.ap-guangzhou.myqcloud.com/2024/msa.pdf?q-sign-algorithm=sha1&q-ak=AKIDM0HinQ113V5BNeeSeWQBWTCpXDPb6H5j&q-sign-time=1705313700;1705317300&q-key-time=1705313700;1705317300&q-header-list=host&q-url-param-list="
# A signer Tencent Cloud never issues (its SecretIds start with AKID), on its own domain.
COS_NOT_A_SECRET_ID = "https://acme-contracts-1250000000.cos.ap-guangzhou.myqcloud.com/a.pdf?q-sign-algorithm=sha1&q-ak=SecretId&q-sign-time=1705313700;1705317300&q-key-time=1705313700;1705317300&q-header-list=host&q-url-param-list=&q-signature=1a73276f4db7f93fcaf452fd2e05cb8c280434a9"

# Huawei OBS: the API reference's example.
OBS_DOC = "https://bucketname.obs.cn-north-4.myhuaweicloud.com/ObjectKey?AccessKeyId=AccessKeyID&Expires=ExpiresValue&Signature=signature"
OBS_TEMPLATE = "https://acme-backup-cn.obs.cn-north-4.myhuaweicloud.com/a.gz?AccessKeyId=${OBS_AK}&Expires=1705317300&Signature=${SIG}"

# Qiniu look-alikes: `e` and `token` that are not a deadline and `<AccessKey>:<signature>`.
ORDINARY_TOKEN = "https://app.acme.example/verify?e=1&token=abc"
SESSION_TOKEN = "https://app.acme.example/reset?e=1705317300&token=8f14e45fceea167a5a36dedd4bea2543"
NOT_A_DEADLINE = "https://app.acme.example/dl?e=mail&token=1UH1-mXCxcDI1uoBHtnP7EUsFxpeZwrbMC9WZBLW:QZbA2DU8dOlGHCN72ZR4sGBkkGY="
QINIU_DOC = "http://78re52.com1.z0.glb.clouddn.com/resource/flower.jpg?e=1451491200&token=<AccessKey>:<EncodedSign>"
QINIU_YOUR_KEY = "http://acme-video.sh-bkt.clouddn.com/a.mp4?e=1705317300&token=YOUR_ACCESS_KEY:QZbA2DU8dOlGHCN72ZR4sGBkkGY="
QINIU_XXXX = "http://acme-video.sh-bkt.clouddn.com/a.mp4?e=1705317300&token=1UH1-mXCxcDI1uoBHtnP7EUsFxpeZwrbMC9WZBLW:xxxxxxxxxxxxxxxxxxxxxxxxxxx="


def oss_url(bucket, region, key, access_key_id, expires, signature):
    return f"https://{bucket}.oss-{region}.aliyuncs.com/{key}?OSSAccessKeyId={access_key_id}&Expires={expires}&Signature={signature}"


def qiniu_url(base, deadline, access_key, sign):
    return base + "?e=" + str(deadline) + "&token=" + access_key + ":" + sign
