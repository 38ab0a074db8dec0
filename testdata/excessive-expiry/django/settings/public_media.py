"""Traps: all silent. With AWS_QUERYSTRING_AUTH and GS_QUERYSTRING_AUTH off, django-storages
serves unsigned URLs and never uses the expiry settings."""
from datetime import timedelta

AWS_QUERYSTRING_AUTH = False
AWS_QUERYSTRING_EXPIRE = 604800

GS_QUERYSTRING_AUTH = False
GS_EXPIRATION = timedelta(days=7)

# A dict key is not an assignment of the setting (it may be a template of another tool's).
EXTRA_STORAGE_SETTINGS = {"AZURE_URL_EXPIRATION_SECS": 604800}
