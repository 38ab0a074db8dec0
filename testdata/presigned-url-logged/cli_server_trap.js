// Trap for the command-line rule (issue 14, item 2): an Express server that reads its port from
// process.argv is still a server; console.log in a handler is its log.
import express from "express";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });
const app = express();

app.get("/files/:key", async (req, res) => {
  const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key: req.params.key }), { expiresIn: 300 });
  console.log("issued", url); // expect: presigned-url-logged
  res.redirect(url);
});

app.listen(Number(process.argv[2] ?? 3000));
