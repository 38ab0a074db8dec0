# Read again in a later pass (it calls a presigning function): its text-level finding of the
# first pass is replaced, not repeated.
from app.links import signed_link

SAMPLE = "https://acme-reports-prod.s3.amazonaws.com/exports/2024-01/customers.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA7IH4OQTN7563NBTA%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=73b24686ce7707140f78bda1a258bf809f4db601b25bf1e7f9def1f285449ce9"  # expect: hardcoded-presigned-url


def export(key):
    return signed_link(key, 900)
