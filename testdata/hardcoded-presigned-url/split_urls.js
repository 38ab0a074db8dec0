// Signed URLs in pieces, joined with `+` and substitution-free template literals.
export const REPORT_URL =
  "https://acme-exports.s3.amazonaws.com/js/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" +  // expect: hardcoded-presigned-url
  "&X-Amz-Credential=AKIAPJCF4CKOW26YPI2W%2F20240115%2Fus-east-1%2Fs3%2Faws4_request" +
  '&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host' +
  "&X-Amz-Signature=b5d6941b0872828a5a788db49dca054cdaf84c2d52f057bbf133c7342bf31490";

const VIDEO_URL = `https://d1a2b3c4d5e6f7.cloudfront.net/videos/intro.mp4?Expires=1705317300`  // expect: hardcoded-presigned-url
  + `&Signature=odoVaEzYAZYEzKh1~iJWHnzgSfWqj7R4oQlvk9sCIWQGIYr-ggFLg-26nHnyi7ew1k3y3DFG00Vfi-6tVyH5D6~TDC`
  + `xyw-EqCFFbgVYNsFcbkjfHJKXie8imp4PwXappZBmQhBOeNis-vJNrlmKZNkJJeJQbz4tTQ8y3eAWDyHY_`
  + `&Key-Pair-Id=KJKIHJQZA22I3G`;

// Template literals with substitutions build URLs at run time: not findings.
export const build = (bucket, sig) =>
  `https://${bucket}.s3.amazonaws.com/js/tpl.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
  `&X-Amz-Credential=AKIAAYZE6LBUDNSUYDMY%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host` +
  `&X-Amz-Signature=${sig}`;

export default VIDEO_URL;
