"""Signing is on unless the deployment turns it off: the expiry is used by default."""
import os

AWS_QUERYSTRING_AUTH = os.environ.get("AWS_QUERYSTRING_AUTH", True)
AWS_QUERYSTRING_EXPIRE = 604800  # expect: excessive-expiry
