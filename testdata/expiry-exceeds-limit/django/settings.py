"""django-storages settings over the signers' 7-day limit (issue 15)."""
import os
from datetime import timedelta

from pytimeparse import parse

AWS_QUERYSTRING_EXPIRE = 60 * 60 * 24 * 30  # expect: expiry-exceeds-limit
GS_EXPIRATION = timedelta(seconds=parse(os.environ.get("GS_EXPIRATION", "30 days")))  # expect: expiry-exceeds-limit
if os.environ.get("QUARTER"):
    GS_EXPIRATION = timedelta(days=90)  # expect: expiry-exceeds-limit

# Azure has no hard limit: the policy maximum applies.
AZURE_URL_EXPIRATION_SECS = 30 * 86400  # expect: excessive-expiry
