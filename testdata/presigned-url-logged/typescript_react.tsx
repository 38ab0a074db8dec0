// TSX: a download button that logs the URL it just presigned.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export function Download({ Key }: { Key: string }) {
  const open = async () => {
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 300 });
    console.log("opening", url); // expect: presigned-url-logged
    console.log("opening", Key);
    window.open(url);
  };
  return <button onClick={open}>{Key}</button>;
}
