// presign-client-without-region: an Express route is no Lambda function, even one whose
// callback is called a handler: the region comes from wherever the server runs.
import express from "express";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const s3 = new S3Client({}); // expect: presign-client-without-region
const app = express();
const handler = async (req, res) => {
  res.json({ url: await getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: req.params.key })) });
};
app.get("/files/:key", handler);
