// Upload and playback helpers for the media dashboard.
'use strict';

const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');

const s3 = new S3Client({ region: 'us-east-1', useAccelerateEndpoint: true });

// TODO(jsmith): remove once the uploader gets a presigned URL from /api/uploads.
const FALLBACK_UPLOAD_URL = 'https://acme-ingest.s3-accelerate.amazonaws.com/uploads/raw/7f3e2a.mov?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Credential=AKIAWE3QUPGYGRUH4SVT%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-Signature=d4e3cb74477e4da2e654449b372352ded4ceae6a5899e72881343b1ab573b11b&X-Amz-SignedHeaders=host&x-id=PutObject'; // expect: hardcoded-presigned-url

// Trailer for the landing page, signed through the CloudFront key group.
const TRAILER_SRC = `https://dwpkjb1jf1qshf.cloudfront.net/trailers/2024/launch-1080p.mp4?Expires=1705320900&Signature=8sP8bsrLp3-OYcs1slGEoMr2fgdvc6l0FtOdHMRbfznP7gT7cXlQXfcSCIlb8xJ7qFehRdXpSYQrrwY6rmcpdBjWRWbs4fC61UlzpJnaT3bkFoR1JDd7BVwDiJKRguYsBVdUqXkraYP9tyJdjfEQzSnwrEdPwNflFCJptbwF6Hc_&Key-Pair-Id=KPFM0BEHU5HH79`; // expect: hardcoded-presigned-url

// Snapshot of GET /api/playlist as the PHP backend serialises it.
const PLAYLIST_SNAPSHOT = '{"items":[{"title":"Episode 1","src":"https:\/\/d1j6bv743ucg5t.cloudfront.net\/hls\/episode-1\/master.m3u8?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMWo2YnY3NDN1Y2c1dC5jbG91ZGZyb250Lm5ldC9obHMvKiIsIkNvbmRpdGlvbiI6eyJEYXRlTGVzc1RoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTcwNTMyMDkwMH19fV19\u0026Signature=Uesj1B9Ojm7RGdKaDzlRA0S8CBYNk68utE1fjmMPo0ovtbTQK0Yf3vVSC~nPx0Kge93AzPchpKeSi-dGoMDT8kAYTmf5cbybkaFpKJyLmhZHCxTEnLkqf7gzBKeERW7j90tBhOPunbGgnGCXMM6Ei7517B6TnUEi7KV5LwR0hlc_\u0026Key-Pair-Id=KV8DNNF87NQ48N"}]}'; // expect: hardcoded-presigned-url

const coverArt = {
  gcs: "https://storage.googleapis.com/acme-covers/albums/1182/front.jpg?GoogleAccessId=covers-reader%40acme-music-prod.iam.gserviceaccount.com&Expires=1705317300&Signature=qNvVFbTO1m%2B2sr8JynvAVt2pibyzFZJazMSeOJAIGZCsvbb2eqweT%2FKiJ%2FjSbryd0P3p7IA1ZXGwc38BuFgvxdTnvt3c63mIZL4RUYjOp%2Bhb%2BBAsZ1v2y8HiJj%2Fq7P7N43z%2FsEjbuhZNMMx73qoYLNv7Dgvfn1M56%2BqgYhHI66iWgjTLId6RbRd2zl6o%2Bcd6tCVlbsk6l8kAZeB6Kw8ItOOS5jPSGiAdfjXF%2Fffxtngv8xLiBaZTTZGbWm3cdgrqP%2BbppYNI8juTVLVHvgtFNa%2F%2FdTsTWFr1PpmQsje7nu1JwzD%2BgIL8AxDTkpdrdJ75fka9H%2F0kSJAwXEl%2FDH3u7w%3D%3D", // expect: hardcoded-presigned-url
  placeholder: 'https://acme-public-assets.s3.amazonaws.com/covers/missing.png',
};

// The SSO bounce page takes the final destination in `redirect`.
const SSO_BOUNCE = 'https://sso.example.org/bounce?redirect=https%3A%2F%2Facme-ingest.s3.eu-central-1.amazonaws.com%2Freports%2Fweekly.pdf%3FX-Amz-Algorithm%3DAWS4-HMAC-SHA256%26X-Amz-Credential%3DAKIALPEG7L7MDLEWH3XQ%252F20240115%252Feu-central-1%252Fs3%252Faws4_request%26X-Amz-Date%3D20240115T101500Z%26X-Amz-Expires%3D600%26X-Amz-SignedHeaders%3Dhost%26X-Amz-Signature%3Dd1fa10e85e522cd295789aea8d080862aa12b25480e0580f27d03d127400df3d'; // expect: hardcoded-presigned-url

function downloadLinkHtml() {
  return '<a class="btn" href="https://acme-media.nyc3.digitaloceanspaces.com/press/kit.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=DO00I2WV57UWY3AFL0IL%2F20240115%2Fnyc3%2Fs3%2Faws4_request&amp;X-Amz-Date=20240115T101500Z&amp;X-Amz-Expires=3600&amp;X-Amz-SignedHeaders=host&amp;X-Amz-Signature=f9a89f30e5d1f411cdeda5f657a939968687430a3482c5715f0ba86fb146a87d">Press kit</a>'; // expect: hardcoded-presigned-url
}

// Not findings: URL building, patterns and placeholders.
function manualUrl(bucket, key, cred, date, sig) {
  return `https://${bucket}.s3.amazonaws.com/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${cred}&X-Amz-Date=${date}&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`;
}
const AZURE_SIG = /[?&]sig=[A-Za-z0-9%]+/;
const DOCS_LINK = 'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=...';

async function uploadUrl(key) {
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: 'acme-ingest', Key: key }), { expiresIn: 900 });
}

async function playbackUrl(key) {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: 'acme-ingest', Key: key }), { expiresIn: 300 });
}

module.exports = {
  FALLBACK_UPLOAD_URL,
  TRAILER_SRC,
  PLAYLIST_SNAPSHOT,
  coverArt,
  SSO_BOUNCE,
  downloadLinkHtml,
  manualUrl,
  AZURE_SIG,
  DOCS_LINK,
  uploadUrl,
  playbackUrl,
};
