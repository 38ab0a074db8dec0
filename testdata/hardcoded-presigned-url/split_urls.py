"""Signed URLs pasted into code in pieces, to keep lines short: still leaked. Each finding is
reported at the first piece."""
import boto3

# Adjacent literals in parentheses; the signature itself is cut across two literals.
EXPORT_URL = (
    "https://acme-exports.s3.amazonaws.com/2024/01/customers.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"  # expect: hardcoded-presigned-url
    "&X-Amz-Credential=AKIAQOMFHGBJMIZ5KYUX%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"  # the date and expiry
    "&X-Amz-Signature=dfcb6525be86d3edcc04"
    "6f567b36f3b4e03fce61ae2464cca968d4d66de4ae64"
)

# A GCS V4 URL, its 512-hex signature cut every 70 characters, joined with `+`.
LOGO_URL = ("https://storage.googleapis.com/acme-media/img/logo.png" +  # expect: hardcoded-presigned-url
            "?X-Goog-Algorithm=GOOG4-RSA-SHA256" +
            "&X-Goog-Credential=ci-signer%40acme-media-4410.iam.gserviceaccount.com%2F20240115%2Fauto%2Fstorage%2Fgoog4_request" +
            "&X-Goog-Date=20240115T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host" +
            "&X-Goog-Signature=37399a11f33ba47d901b35580c47e3ec371d18e8192e69c4e3c9f18c765baf6ce2869f" +
            "f7046aeba6b34ad6166f1171152b2796c2facb5c630d909262a18b5fae2ef25945398b" +
            "0c8810c0dab1710063973b9ef44128ff41ead21fc788f310b98f0a29cf3b5971185de4" +
            "28ff41417ddf4c1af2966bac99a733eb3f484bef02a169f7b580a8b5362b27f6d75f62" +
            "6b94e782b492af8ed9c617a2ac757400a88f6b81b45b257ab731d8c38ac629522e7d3f" +
            "46c8ea10ffad8a1eb5916acc400a406b43266bfa66ecd08a392646cf62eca9e730e660" +
            "d95f6fc015705cc90ebf2baf57897b93509bb0d008f592ca62e935f44e44a5f198388bac26f4002bfbfc1939e9e2")

# Cut after the `&`: the next literal starts with the parameter's name.
INVOICES_URL = "https://acme-exports.s3.amazonaws.com/2024/01/invoices.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA3H45674KOC7OOJKI%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&" \
    "X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&" \
    "X-Amz-Signature=7f7e52ab8f9e7f996c0033d73191554507fabc51d3bf482fd7c4e04f3b20af03"
# expect^^^: hardcoded-presigned-url

# Azure SAS, a backslash continuing the literal itself.
SAS_URL = "https://acmeexports.blob.core.windows.net/exports/customers.csv?sv=2022-11-02&sr=b&sp=r\
&st=2024-01-15T10:15:00Z&se=2024-01-16T10:15:00Z&spr=https\
&sig=UaaAlL9b5N%2Fk%2BfhLZiMUM%2BIz5HsD7O2Xbdkauk8rWIM%3D"
# expect^^^: hardcoded-presigned-url

# Look-alikes that stay silent.
# The documentation's key, split the same way.
DOCS_URL = (
    "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=8fa651aa900cd3403f01"
    "c248aeb50d8a3b06281d0bf4eef10b4145a1de8d87dc"
)
# Google's conformance vector, signed as test-iam-credentials@dummy-project-id.
VECTOR_URL = (
    "https://storage.googleapis.com/test-bucket/test-object"
    "?X-Goog-Algorithm=GOOG4-RSA-SHA256"
    "&X-Goog-Credential=test-iam-credentials%40dummy-project-id.iam.gserviceaccount.com%2F20240115%2Fauto%2Fstorage%2Fgoog4_request"
    "&X-Goog-Date=20240115T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host"
    "&X-Goog-Signature=60af3157850849f6e2442850595eb0827dc2dbb9ac14e001c14aed2cdca6cb2edaba7a"
    "f9584298ec5483654cc928f6fc285aadf1fc8c8c567fc9b7c90cb218e6b21c1ed28916"
    "31f1387f61d416fd2fbf1094ad9bd3af980118cd03c685c78c715286e5cfe4a2f245e1"
    "3a7d10e5ee6ce09bb36f56646be9c0ec6421c1a223fb4e752a13ecc086ded9fa1fd33c"
    "9e5fa8f868bd594c6b5c37dd6ea1b6d94ed55a36ed0679dc6c56d7c47ae5288c6d880b"
    "94985f2dd9023e0a665d990633232a84956f18128c9cae592f5e5876a15873fb4ebfed"
    "17ff2152a87c238f2b948bc05bfb8a9c5fde897ab1658b2ac9f5de5fe23d8a4c1b65d4756a6a94089414d28dea6a"
)


def build(bucket, key, credential, signature):
    # URL-building code: the pieces hold substitutions or names, not a signature.
    return (
        f"https://{bucket}.s3.amazonaws.com/{key}?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={credential}&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900"
        "&X-Amz-SignedHeaders=host"
        "&X-Amz-Signature=" + signature
    )


# Separate literals in a list are separate strings.
PARTS = ["https://acme-exports.s3.amazonaws.com/2024/01/customers.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256", "&X-Amz-Signature=dfcb6525be86d3edcc046f567b36f3b4e03fce61ae2464cca968d4d66de4ae64"]


def fresh(key):
    s3 = boto3.client("s3", region_name="us-east-1")
    return s3.generate_presigned_url("get_object", Params={"Bucket": "acme-exports", "Key": key}, ExpiresIn=900)
