// Signed-URL look-alikes in front-end code. None of these is a leaked signed URL.
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({ region: 'us-east-1' });

// Built at run time from parts the server returns.
export function sigv4Url({ bucket, key, credential, date, sig }) {
  return `https://${bucket}.s3.amazonaws.com/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(credential)}&X-Amz-Date=${date}&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`;
}

export function sasUrl(account, container, blob, sig) {
  return 'https://' + account + '.blob.core.windows.net/' + container + '/' + blob + '?sv=2022-11-02&sr=b&sp=r&spr=https&sig=' + sig;
}

export function cloudFrontUrl(path, expires, sig, keyPairId) {
  const params = new URLSearchParams({ Expires: String(expires), Signature: sig, 'Key-Pair-Id': keyPairId });
  return `https://d1a2b3c4d5e6f7.cloudfront.net/${path}?${params}`;
}

// Patterns used to redact signed URLs before they reach the error tracker.
export const REDACTIONS = [
  /([?&]X-Amz-Signature=)[0-9a-f]{64}/gi,
  /([?&]X-Goog-Signature=)[0-9a-f]+/gi,
  /([?&]sig=)[A-Za-z0-9%]+/g,
  /([?&]Signature=)[A-Za-z0-9_~%-]+/g,
];

// What the redaction produces, and the documentation samples used in its tests.
export const REDACTED_SAMPLE = 'https://acme-uploads.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA****************%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=[REDACTED]';
export const DOCS_SAMPLE = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=<signature>";
export const JSON_SAMPLE = '{"url":"https:\/\/acme-uploads.s3.amazonaws.com\/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256\u0026X-Amz-Signature=..."}';
export const HTML_SAMPLE = '<a href="https://acme-uploads.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Signature=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">a.png</a>';
export const AZURE_DOCS = 'https://myaccount.blob.core.windows.net/pictures/profile.jpg?sv=2022-11-02&st=2024-01-15T10:15:00Z&se=2024-01-16T10:15:00Z&sr=b&sp=r&sig=EXAMPLE';
export const TRUNCATED = 'https://acme-uploads.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc…';

// Unsigned public assets.
export const LOGO = 'https://acme-public-assets.s3.amazonaws.com/brand/logo.svg';
export const FONT = 'https://storage.googleapis.com/acme-public/fonts/inter.woff2';

// Presigned POST: the form fields come from the API.
export function uploadForm(fields) {
  const form = new FormData();
  form.append('X-Amz-Credential', fields['X-Amz-Credential']);
  form.append('X-Amz-Signature', fields['X-Amz-Signature']);
  return form;
}

export async function fresh(key) {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: 'acme-uploads', Key: key }), { expiresIn: 600 });
}
