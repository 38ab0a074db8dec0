// TSX: a component that presigns every row while rendering, and one that asks on click.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export function Table({ keys }: { keys: string[] }) {
  const urls = keys.map((Key) => getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key }))); // expect: presign-in-loop
  return <ul>{keys.map((k, i) => <li key={k}>{String(urls[i])}</li>)}</ul>;
}

export function Row({ Key }: { Key: string }) {
  const open = async () => window.open(await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 300 }));
  return <button onClick={open}>{Key}</button>;
}
