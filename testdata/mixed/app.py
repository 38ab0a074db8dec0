"""Document download service.

Serves short-lived links to customer documents stored in S3. Links are signed per request;
nothing signed is stored.
"""
import logging
import os

import boto3
from botocore.config import Config
from flask import Flask, abort, jsonify, redirect, request

app = Flask(__name__)
log = logging.getLogger(__name__)

BUCKET = os.environ.get("DOCUMENTS_BUCKET", "acme-customer-documents")
REGION = os.environ.get("AWS_REGION", "eu-west-1")
LINK_TTL_SECONDS = 300

s3 = boto3.client(
    "s3",
    region_name=REGION,
    config=Config(signature_version="s3v4", retries={"max_attempts": 3}),
)

# Shown on the maintenance page while the document store is being migrated.
# FIXME: this link was pasted from a console session; replace with a presign call.
MAINTENANCE_NOTICE_URL = "https://acme-customer-documents.s3.eu-west-1.amazonaws.com/static/maintenance-notice.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA5LWQEQLC2FWKGEWK%2F20240115%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=38714206df8c073c63acbce3af6fe7665c798c98dfbddcc4d13989b3a6cb0261"  # expect: hardcoded-presigned-url


def document_key(customer_id: str, document_id: str) -> str:
    return f"customers/{customer_id}/documents/{document_id}.pdf"


def sign_download(key: str) -> str:
    return s3.generate_presigned_url(
        "get_object",
        Params={
            "Bucket": BUCKET,
            "Key": key,
            "ResponseContentDisposition": "attachment",
        },
        ExpiresIn=LINK_TTL_SECONDS,
    )


@app.get("/customers/<customer_id>/documents/<document_id>")
def download(customer_id: str, document_id: str):
    if request.headers.get("X-Customer-Id") != customer_id:
        abort(403)
    key = document_key(customer_id, document_id)
    log.info("signing download for customer=%s document=%s", customer_id, document_id)
    return redirect(sign_download(key), code=302)


@app.post("/customers/<customer_id>/uploads")
def upload(customer_id: str):
    if request.headers.get("X-Customer-Id") != customer_id:
        abort(403)
    key = document_key(customer_id, request.json["document_id"])
    post = s3.generate_presigned_post(
        BUCKET,
        key,
        Conditions=[["content-length-range", 1, 20 * 1024 * 1024]],
        ExpiresIn=600,
    )
    return jsonify(post)


@app.get("/maintenance")
def maintenance():
    return jsonify({"notice": MAINTENANCE_NOTICE_URL})
