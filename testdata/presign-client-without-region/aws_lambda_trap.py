"""presign-client-without-region: a Django view named `handler` is no Lambda function (its
parameters are not `event, context`)."""
import boto3
from django.http import JsonResponse

s3 = boto3.client("s3")  # expect: presign-client-without-region


def handler(request, key):
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key})
    return JsonResponse({"url": url})
