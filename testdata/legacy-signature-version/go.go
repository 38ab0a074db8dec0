// legacy-signature-version: aws-sdk-go v1 and v2 sign S3 with SigV4 only; a SigV2 URL literal is
// still reported.
package links

const legacyExport = "https://acme-archive.s3.amazonaws.com/2016/dump.tar?AWSAccessKeyId=AKIALRI3QZJ7UFRDL3ER&Expires=1705317300&Signature=8ASiFs1CFZvbOBFD3B90Alb%2BjWo%3D" // expect: legacy-signature-version, hardcoded-presigned-url

// A SigV4 URL is not legacy.
const modern = "https://acme-data.s3.us-east-1.amazonaws.com/r.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAAJLJ6HDU6GDPMRCG%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=e02ea68ef786e4d3cea27d26934b484e73cf575dcad6ba2b0aee0ca923732881" // expect: hardcoded-presigned-url
