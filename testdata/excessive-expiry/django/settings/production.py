"""django-storages settings (issue 15): the expiry of every URL a storage backend signs is a
setting, checked where it is assigned like boto3's `ExpiresIn`."""
import os
from datetime import timedelta

import environ
from pytimeparse import parse

from .base import *  # noqa: F403

env = environ.Env()

DEBUG = False

# S3Storage presigns every URL for AWS_QUERYSTRING_EXPIRE seconds.
AWS_QUERYSTRING_EXPIRE = 86400  # expect: excessive-expiry
if os.environ.get("LONG_LINKS"):
    AWS_QUERYSTRING_EXPIRE = 60 * 60 * 24 * 3  # expect: excessive-expiry
if os.environ.get("ENV_LINKS"):
    AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", 43200))  # expect: excessive-expiry
if os.environ.get("ENVIRON_LINKS"):
    AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=21600)  # expect: excessive-expiry

# GoogleCloudStorage: a timedelta (or seconds); saleor reads it with pytimeparse.
GS_EXPIRATION = timedelta(seconds=parse(os.environ.get("GS_EXPIRATION", "1 day")))  # expect: excessive-expiry
if os.environ.get("WEEK_LINKS"):
    GS_EXPIRATION = timedelta(days=2)  # expect: excessive-expiry

# AzureStorage: seconds; None (the default) signs no URL.
AZURE_URL_EXPIRATION_SECS: int = 7200  # expect: excessive-expiry


class Production:
    # django-configurations: a class body holds the settings.
    AWS_QUERYSTRING_EXPIRE = 3 * 3600  # expect: excessive-expiry


# --- Traps: all silent. ---

if os.environ.get("SHORT_LINKS"):
    AWS_QUERYSTRING_EXPIRE = 900
    GS_EXPIRATION = timedelta(minutes=15)
    AZURE_URL_EXPIRATION_SECS = int(os.environ.get("AZURE_URL_EXPIRATION_SECS", "600"))

# Another name that contains the setting's.
CACHE_AWS_QUERYSTRING_EXPIRE_NOTE = "604800 would be a week"
AWS_QUERYSTRING_EXPIRE_DAYS = 30

# Set at run time, with nothing to fall back on: counted as dynamic, not guessed.
if os.environ.get("FROM_ENV"):
    AWS_QUERYSTRING_EXPIRE = int(os.environ["AWS_QUERYSTRING_EXPIRE"])

# No SAS at all.
if os.environ.get("PUBLIC_CONTAINER"):
    AZURE_URL_EXPIRATION_SECS = None


def signed_report_link(blob):
    # A local variable, in a function: not a setting (Django reads upper-case module names).
    gs_expiration = timedelta(days=30)
    GS_EXPIRATION = timedelta(days=30)
    return blob.name, gs_expiration, GS_EXPIRATION


def test_long_links(settings):
    # A test's override, inside a function: not the project's configuration.
    settings.AWS_QUERYSTRING_EXPIRE = 30 * 86400
