"""Traps for the command-line rule (issue 14, item 2): a web app started by
`if __name__ == "__main__":` and a Lambda handler run locally are services, whose standard
output is their log."""
import boto3
from flask import Flask

app = Flask(__name__)
s3 = boto3.client("s3", region_name="eu-west-1")


@app.route("/files/<key>")
def download(key):
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": key}, ExpiresIn=300)
    print(url)  # expect: presigned-url-logged
    return {"url": url}


def lambda_handler(event, context):
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": event["key"]}, ExpiresIn=300)
    print("issued", url)  # expect: presigned-url-logged
    return {"url": url}


if __name__ == "__main__":
    app.run(debug=True)
