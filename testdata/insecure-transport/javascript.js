// insecure-transport: AWS SDK for JavaScript v3 and v2 clients that presign over HTTP.
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import AWS from "aws-sdk";

const media = new S3Client({
  region: "eu-west-1",
  endpoint: "http://s3.eu-west-1.amazonaws.com", // expect: insecure-transport@error
});
export const mediaLink = (Key) =>
  getSignedUrl(media, new GetObjectCommand({ Bucket: "media", Key }), { expiresIn: 900 });

const plain = new S3Client({ region: "eu-west-1", tls: false }); // expect: insecure-transport
export const plainLink = (Key) =>
  getSignedUrl(plain, new GetObjectCommand({ Bucket: "media", Key }), { expiresIn: 900 });

// LocalStack: a note.
const stack = new S3Client({
  region: "us-east-1",
  endpoint: "http://localhost:4566", // expect: insecure-transport@note
  forcePathStyle: true,
});
export const stackLink = (Key) =>
  getSignedUrl(stack, new GetObjectCommand({ Bucket: "dev", Key }), { expiresIn: 300 });

// SDK v2: an AWS.Endpoint over http, and sslEnabled: false.
const legacy = new AWS.S3({
  region: "us-east-1",
  signatureVersion: "v4",
  endpoint: new AWS.Endpoint("http://s3.us-east-1.amazonaws.com"), // expect: insecure-transport
});
export const legacyLink = (Key) => legacy.getSignedUrl("getObject", { Bucket: "b", Key, Expires: 60 });

const noSsl = new AWS.S3({ region: "us-east-1", signatureVersion: "v4", sslEnabled: false }); // expect: insecure-transport
export const noSslLink = (Key) => noSsl.getSignedUrl("getObject", { Bucket: "b", Key, Expires: 60 });

// Negatives: an http endpoint on a client that only uploads; https; comments.
const uploader = new S3Client({ region: "eu-west-1", endpoint: "http://s3.internal:9000" });
export const upload = (Key, Body) => uploader.send(new PutObjectCommand({ Bucket: "b", Key, Body }));

const secure = new S3Client({ region: "eu-west-1", endpoint: "https://s3.eu-west-1.amazonaws.com", tls: true });
export const secureLink = (Key) =>
  getSignedUrl(secure, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 900 });

// A client handed in from elsewhere: unknown endpoint.
export const linkFor = (client, Key) =>
  getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 900 });

// endpoint: "http://example.com", tls: false  (a comment, not code)
export const docs = "http://docs.example.com/s3?endpoint=http";
