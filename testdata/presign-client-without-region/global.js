// presign-client-without-region: a process-wide region set with AWS.config.update.
const AWS = require("aws-sdk");

AWS.config.update({ region: "eu-west-1" });
const s3 = new AWS.S3({ signatureVersion: "v4" });
module.exports = (Key) => s3.getSignedUrl("getObject", { Bucket: "b", Key, Expires: 60 });
