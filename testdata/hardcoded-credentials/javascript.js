import { S3Client } from "@aws-sdk/client-s3";
import AWS from "aws-sdk";

// Positives.
// SDK v3 client with a credentials object.
const s3 = new S3Client({
  region: "eu-west-1",
  credentials: {
    accessKeyId: "AKIAUJZDEGXDNCF32EPF", // expect: hardcoded-credentials
    secretAccessKey: "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",
  },
});

// Shorthand properties bound to literals.
const accessKeyId = "AKIAH2KVJ72CEUVW75EF"; // expect: hardcoded-credentials
const secretAccessKey = "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";
const short = new S3Client({ credentials: { accessKeyId, secretAccessKey } });

// SDK v2: constructor options, global config, credentials object.
const v2 = new AWS.S3({ accessKeyId: "AKIAOA7LQSAJ2XUID5ZZ", secretAccessKey: "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" }); // expect: hardcoded-credentials
AWS.config.update({
  secretAccessKey: "yEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7", // expect: hardcoded-credentials
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
});
const creds = new AWS.Credentials("AKIAZFKKIBJ5J6WJIBAG", "r3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5d"); // expect: hardcoded-credentials

// An object literal bound to a name, passed later.
const config = {
  region: "us-east-1",
  credentials: {
    accessKeyId: "AKIAE4UMR46PQM4I2HZ4", // expect: hardcoded-credentials
    secretAccessKey: "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",
  },
};
const fromConfig = new S3Client(config);

// Negatives.
const fromEnv = new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});
const docs = new S3Client({
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
});
const local = new S3Client({
  endpoint: "http://localhost:4566",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const minio = new AWS.S3({ accessKeyId: "minioadmin", secretAccessKey: "minioadmin" });
function client(id, secret) {
  return new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
}
const templated = new S3Client({
  credentials: { accessKeyId: `${process.env.KEY}`, secretAccessKey: "<secret-access-key>" },
});
const empty = new AWS.Credentials("", "");
// Key-shaped text under unrelated names, and in a log message.
const requestId = "AKIAPT6ZHKKEN7O4V43I";
console.log("rotated AKIAEZ54PGOJJG5FCAIO");
