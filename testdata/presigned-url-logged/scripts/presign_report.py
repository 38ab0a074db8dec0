"""A maintenance script under scripts/ (issue 14, item 2): it prints for whoever runs it."""
import boto3

s3 = boto3.client("s3", region_name="eu-west-1")
url = s3.generate_presigned_url("get_object", Params={"Bucket": "reports", "Key": "weekly.csv"}, ExpiresIn=900)
print(url)
