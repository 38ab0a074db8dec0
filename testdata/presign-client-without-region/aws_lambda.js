// presign-client-without-region: an AWS Lambda handler (`handler = async (event)`). The Lambda
// runtime always sets AWS_REGION to the function's region, which the SDK reads: no finding.
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const s3 = new S3Client({});

export const handler = async (event) => {
  const { key } = JSON.parse(event.body || "{}");
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: "uploads", Key: key }), {
    expiresIn: 900,
  });
  return { statusCode: 200, body: JSON.stringify({ url }) };
};
