"""The off switch is on (or set at run time): the expiry is used."""
import os

AWS_QUERYSTRING_AUTH = os.environ.get("AWS_QUERYSTRING_AUTH", "true") == "true"
AWS_QUERYSTRING_EXPIRE = 604800  # expect: excessive-expiry

GS_QUERYSTRING_AUTH = True
GS_EXPIRATION = 86400  # expect: excessive-expiry
