// A React server component (TSX) presigning a download link.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const s3 = new S3Client({});  // expect: presign-client-without-region
const LINK_LIFETIME = 12 * 60 * 60;

export default async function Download({ fileKey }: { fileKey: string }) {
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: "files", Key: fileKey }), {
    expiresIn: LINK_LIFETIME, // expect: excessive-expiry
  });
  const preview = await getSignedUrl(s3, new GetObjectCommand({ Bucket: "files", Key: fileKey }), { expiresIn: 300 });
  return (
    <div>
      <a href={url}>Download</a>
      <img src={preview} alt="preview" />
    </div>
  );
}
