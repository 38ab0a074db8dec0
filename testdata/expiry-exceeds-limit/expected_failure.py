"""Tests that the SDK refuses an expiry over its limit: the call is made to fail and signs
nothing. The same call outside the assertion, or after it, is a presign site."""
import unittest
from datetime import timedelta

import boto3
import pytest
from minio import Minio

s3 = boto3.client("s3", region_name="us-west-2")
minio = Minio("play.min.io", access_key="k", secret_key="s")


class PresignTest(unittest.TestCase):
    def test_rejects_eight_days(self):
        with self.assertRaises(ValueError):
            minio.presigned_get_object("bucket", "key", expires=timedelta(days=8))
        with self.assertRaisesRegex(ValueError, "expires") as raised:
            minio.presigned_get_object("bucket", "key", expires=timedelta(days=30))
        self.assertIn("expires", str(raised.exception))

    def test_the_next_statement_is_not_expected_to_fail(self):
        with self.assertRaises(ValueError):
            pass
        minio.presigned_get_object("bucket", "key", expires=timedelta(days=8))  # expect: expiry-exceeds-limit


def test_pytest_raises():
    with pytest.raises(ValueError, match="expires"):
        s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=8 * 86400)


def test_other_context_managers_run_the_call():
    with open("/tmp/out", "w") as out:
        out.write(s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=8 * 86400))  # expect: expiry-exceeds-limit


def share_link(key, days):
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key}, ExpiresIn=days * 86400)


def test_a_wrapper_refuses_eight_days():
    with pytest.raises(ValueError):
        share_link("k", 8)
    return share_link("k", 8)  # expect: expiry-exceeds-limit
