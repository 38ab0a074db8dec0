"""An SDK example under examples/ (minio-py's shape): a program a person runs to see the URL it
prints, not a service writing to a log. A logger call still is a log."""
import logging
from datetime import timedelta

from minio import Minio

client = Minio("play.min.io")
url = client.get_presigned_url("GET", "my-bucket", "my-object", expires=timedelta(minutes=10))
print(url)
logging.getLogger(__name__).info("presigned %s", url)  # expect: presigned-url-logged
