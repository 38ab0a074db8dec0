"""A loop that finds one element and presigns it, then leaves: one URL, no batch."""
import boto3

s3 = boto3.client("s3", region_name="eu-west-1")


def find_and_sign(files, name):
    for f in files:
        if f["name"] == name:
            return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": f["key"]}, ExpiresIn=300)
    return None


def sign_first_match(files, name):
    url = None
    for f in files:
        if f["name"] == name:
            url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": f["key"]}, ExpiresIn=300)
            break
    return url


def sign_and_check(files):
    for f in files:
        url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": f["key"]}, ExpiresIn=300)
        if url:
            return url
        else:
            return None


def sign_pages(pages):
    # Positive: the break is conditional, so every page is presigned until the last.
    urls = []
    for page in pages:
        urls.append(s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": page}, ExpiresIn=300))  # expect: presign-in-loop
        if page.endswith("last"):
            break
    return urls


def sign_some(files):
    # Positive: only one branch returns; the other goes on to the next element.
    out = []
    for f in files:
        url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": f["key"]}, ExpiresIn=300)  # expect: presign-in-loop
        if not url:
            return out
        out.append(url)
    return out


def sign_in_callbacks(files):
    # Positive: a return inside a callback returns from the callback, once per element.
    return list(map(lambda f: s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": f}, ExpiresIn=300), files))  # expect: presign-in-loop
