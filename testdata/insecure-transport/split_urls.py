"""Signed URLs over plain HTTP, split across literals: reported at the first piece."""

MEDIA_URL = (
    "http://acme-media.s3.eu-west-1.amazonaws.com/video/intro.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256"  # expect: hardcoded-presigned-url, insecure-transport@error
    "&X-Amz-Credential=AKIAKUVNEKTYEL2ROZXK%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=f8fc3666420fa090d862"
    "b0686e671a61181c39d4b1ff9d1b6da35fa63dae7faf"
)

LOCAL_URL = "http://localhost:9000/dev/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256" + \
    "&X-Amz-Credential=AKIA7HRMPLEAP5ER3UOX%2F20240115%2Fus-east-1%2Fs3%2Faws4_request" + \
    "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host" + \
    "&X-Amz-Signature=2caf8623ace1147aad9e2e66b44a252762b5aa551e204fbbae832c14dd5f5c48"
# expect^^^^: hardcoded-presigned-url, insecure-transport@note
