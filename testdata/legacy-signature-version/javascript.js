// legacy-signature-version: AWS SDK for JavaScript v2 signature versions.
const AWS = require("aws-sdk");

const s3 = new AWS.S3({ region: "us-east-1", signatureVersion: "v2" }); // expect: legacy-signature-version
const hmac = new AWS.S3({ region: "us-east-1", signatureVersion: "s3" }); // expect: legacy-signature-version
AWS.config.update({ region: "us-east-1", signatureVersion: "v2" }); // expect: legacy-signature-version
const config = new AWS.Config({ signatureVersion: "s3" }); // expect: legacy-signature-version
AWS.config.signatureVersion = "v2"; // expect: legacy-signature-version

export const link = (Key) => s3.getSignedUrl("getObject", { Bucket: "b", Key, Expires: 60 });

// Negatives: SigV4, a variable, unrelated objects.
const v4 = new AWS.S3({ region: "us-east-1", signatureVersion: "v4" });
const fromEnv = new AWS.S3({ region: "us-east-1", signatureVersion: process.env.SIG });
const options = { signatureVersion: "v2" }; // a plain object literal, not a client
// new AWS.S3({ signatureVersion: "v2" }) in a comment
export { v4, fromEnv, options, hmac, config };
