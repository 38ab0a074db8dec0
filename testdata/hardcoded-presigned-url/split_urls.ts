// A signed URL split across lines in TypeScript, and a SAS in pieces.
export const reportUrl: string =
  "https://acme-exports.s3.amazonaws.com/ts/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" +  // expect: hardcoded-presigned-url
  "&X-Amz-Credential=AKIAMBOOZ5WDLTPPM2C2%2F20240115%2Fus-east-1%2Fs3%2Faws4_request" +
  "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host" +
  "&X-Amz-Signature=9cd7cf45afe7357bcceb" +
  "921c4dd30b482a627736d38510bb7ddc34927274f281";

export const sasUrl: string = [
  "https://acmetsstore.blob.core.windows.net/c/b.csv?sv=2022-11-02&sr=b&sp=r",
  "&st=2024-01-15T10:15:00Z&se=2024-01-16T10:15:00Z&spr=https",
  "&sig=52L1jv7Iz51ygvpYUcQ%2Byu3mK3MrCb3SVOPBw0IK3n0%3D",
].join("");  // an array joined at run time: separate literals, not read
