import { S3Client } from "@aws-sdk/client-s3";
import { fromIni } from "@aws-sdk/credential-providers";

interface Settings {
  accessKeyId: string;
  secretAccessKey: string;
}

// Positive: a typed literal object.
const settings: Settings = {
  accessKeyId: "AKIAOGFQRCLRI3QZJ7UF", // expect: hardcoded-credentials
  secretAccessKey: "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",
};

export const client = new S3Client({ region: "eu-west-1", credentials: settings });

// Positive: only the secret is literal.
export const other = new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: "SgqbjG3uhkWKFLf6xuI5aHUQPFeNBTxaQWk8JzFa", // expect: hardcoded-credentials
  },
});

// Negatives: credential providers, parameters, placeholders.
export const profile = new S3Client({ credentials: fromIni({ profile: "prod" }) });
export function make(creds: Settings): S3Client {
  return new S3Client({ credentials: creds });
}
export const sample: Settings = { accessKeyId: "AKIAXXXXXXXXXXXXXXXX", secretAccessKey: "your-secret-access-key" };
