// Expiry-looking values that are not presign expiries: all must stay silent.
const AWS = require("aws-sdk");
const jwt = require("jsonwebtoken");
const express = require("express");
const Redis = require("ioredis");
const { S3Client, PutObjectCommand, PutBucketLifecycleConfigurationCommand } = require("@aws-sdk/client-s3");

const s3 = new AWS.S3();
const client = new S3Client({});
const redis = new Redis();
const app = express();
const { getSignedCookies } = require("./session-cookies");

// JWT lifetimes.
const token = jwt.sign({ sub: "u" }, process.env.JWT_KEY, { expiresIn: "7d" });
const refresh = jwt.sign({ sub: "u" }, process.env.JWT_KEY, { expiresIn: 604800 });

// Cookies and caches.
app.get("/login", (req, res) => {
  res.cookie("session", token, { maxAge: 604800000, httpOnly: true });
  res.json({ access_token: token, token_type: "Bearer", expires_in: 604800 });
});
redis.set("k", "v", "EX", 604800);
redis.expire("k", 86400);

// OAuth token responses.
const TOKEN_RESPONSE = { access_token: "x", token_type: "Bearer", expires_in: 604800, expiresIn: 604800 };

// S3 lifecycle rules: object expiration, not URL expiration.
client.send(
  new PutBucketLifecycleConfigurationCommand({
    Bucket: "logs",
    LifecycleConfiguration: { Rules: [{ ID: "expire", Status: "Enabled", Expiration: { Days: 365 } }] },
  }),
);

// Non-presign S3 calls with expiry-like fields: `Expires` is the object's HTTP Expires header.
s3.putObject({ Bucket: "b", Key: "k", Body: "x", Expires: new Date(Date.now() + 7 * 24 * 3600 * 1000) });
client.send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: "x", Expires: new Date(Date.now() + 86400000) }));

// Polly has a presigner too; it is not S3.
const polly = new AWS.Polly.Presigner();
polly.getSynthesizeSpeechUrl({ Text: "hi", OutputFormat: "mp3", VoiceId: "Joanna" }, 604800);

// A user function named like the SDK API: neither its definition nor its calls are SDK presigns.
async function getSignedUrl(key, options = { expiresIn: 604800 }) {
  return `https://files.example.com/${key}?ttl=${options.expiresIn}`;
}
getSignedUrl("report.pdf", { expiresIn: 604800 });

// getSignedUrl(client, command, { expiresIn: 604800 }) in a comment is not a call.
/* s3.getSignedUrl("getObject", { Bucket: "b", Key: "k", Expires: 604800 }) */
const docs = "call getSignedUrl(client, cmd, { expiresIn: 604800 }) to share a file";
const template = `s3.getSignedUrl("getObject", { Expires: ${refresh.length} })`;

// The app's own storage method named like aws-sdk v2's: an object key where the operation
// goes, a number where the params go.
const storage = makeStorage();
storage.getSignedUrl("avatars/1.png", { Expires: 7 * 86400 });
storage.getSignedUrl("report", 7 * 86400);

// Express signed cookies and a same-named helper that is not the CloudFront signer.
app.get("/me", (req, res) => res.json({ session: req.signedCookies.session }));
const cookies = getSignedCookies({ dateLessThan: new Date(Date.now() + 7 * 86400 * 1000) });

module.exports = { TOKEN_RESPONSE, docs, template, getSignedUrl };
