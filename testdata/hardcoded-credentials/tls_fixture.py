"""Test fixture for the local HTTPS server."""
import ssl

TEST_SERVER_KEY = """-----BEGIN PRIVATE KEY-----
MIIEowIBAAKCAQEAf0SaWl7dUbo11sFuWvPAX2LJh8NoMtwh6c9eOnzxTBE8C4xJ
ZwN9H+ZRl9CZgBrXJhEb8V5F1u1uPsHqIgtwaAtqkTIm97kMcy1yl4Ae0/uNONZj
N7iUjrnY7p4bW8ELo6bAtLWMRYlGyzWoQNJ8Q5WlnsmqwxyZe7lmDeup30jR2rAs
X9Q0bZOFcHQyRN4nWAQLnuGMDTszzdzkrF91QQlUI7p5rEiHvQspaKUEUvxj6eZx
rNWcuz07esXpZwRqHFQgesZ/n8S00K+703poQ31dPgL3WPNiFp5FYg8nENYEiV1v
C1pjmqp6aLFMdPwi45YsTDfNd6ONP/s8AzLhzOT8cwzEygnNOJ1rQ41kvCNpzIxE
LIVoDMxCJql7j4jfaKG2lvKyFwJdxte7Xa/hxiUP9eLwvo3E4GEH+C/Hezg5xPtc
-----END PRIVATE KEY-----"""


def context():
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    return ctx
