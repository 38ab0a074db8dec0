// Reviewed: the demo link below is for a public marketing asset.
export function brochureUrl() {
  // presign-lint: allow(hardcoded-presigned-url) reason: public brochure, reviewed by security
  return "https://d1a2b3c4d5e6f7.cloudfront.net/brochure.pdf?Expires=1767225600&Signature=C6Ucz0JrOHvWCQH2Xl5flw41a5TXD1PuayjdV12h-4cN4MOzEVoibjKpZnqF3Fd86qiA7TWup6yET2QtVeJUZM6zl6MIGfKqnp1Gd7CZC9~zVXknmcon6ZPv0NHM7oLmGWh5ya5MzRx8IapPKcy~0OI~x7mSbCKCGThTaW82O0Q_&Key-Pair-Id=K2JCJMDEHXQW5F";
}
