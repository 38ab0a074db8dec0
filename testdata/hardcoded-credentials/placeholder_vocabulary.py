"""Test doubles for the uploader: stand-in keys read with the placeholder vocabulary that
every lint shares (test, mock, fake, sample, dummy, example, your, …), and look-alikes that
are real-shaped keys."""
import boto3

# Stand-ins: a vocabulary word typed into the key id and the secret.
mocked = boto3.client(
    "s3",
    aws_access_key_id="AKIAMOCKZ7Q3M4XN2L5P",
    aws_secret_access_key="MockSecretAccessKeyValueForUnitTests0001",
)
sampled = boto3.client(
    "s3",
    aws_access_key_id="AKIASAMPLEQ2M7XN5L3P",
    aws_secret_access_key="SampleKeyK7MDENGbPxRfiCY9Lq2Zx8Wv4Nt6Rs3",
)
AWS_ACCESS_KEY_ID = "AKIATESTQ2M7XN5L3P6R"
AWS_SECRET_ACCESS_KEY = "TESTK7MDENGbPxRfiCY9Lq2Zx8Wv4Nt6Rs3Hd6Jf"

# Trap: a random secret that happens to spell a word in mixed case (`tEsT`) was computed,
# not typed; with a real-shaped key id it is a leak, test file or not.
ci = boto3.client(
    "s3",
    aws_access_key_id="AKIAQ7ZK4XN2L5PRW3JM",  # expect: hardcoded-credentials
    aws_secret_access_key="Kq2TmPw4Rb7tEsTLn8Ys3Hd6Jf1Gc5Vt0Ea+Uo4i",
)
