"""Invoice downloads."""
import boto3

s3 = boto3.client("s3", region_name="eu-west-1")

# Pasted from a support ticket "just for the demo".
DEMO_INVOICE_URL = "https://acme-invoices.s3.eu-west-1.amazonaws.com/2024/01/invoice-1042.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA3Z32B7ZEPQZC7YLX%2F20240115%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=7fce4f2c961f4cc7160cb2361168297095203482472ed9e9a6b4827b5029ef99"


def invoice_url(invoice_id: str) -> str:
    """Sign a fresh, short-lived link on each request."""
    return s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": "acme-invoices", "Key": f"invoices/{invoice_id}.pdf"},
        ExpiresIn=900,
    )
