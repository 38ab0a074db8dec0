"""presign-client-without-region: AWS Lambda handlers, by their signature
`handler(event, context)`; the runtime sets AWS_REGION: no finding."""
import json

import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    key = event["queryStringParameters"]["key"]
    url = s3.generate_presigned_url(
        "get_object", Params={"Bucket": "reports", "Key": key}, ExpiresIn=300
    )
    return {"statusCode": 200, "body": json.dumps({"url": url})}
