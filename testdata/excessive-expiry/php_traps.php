<?php
// Expiry-shaped PHP that is not a presign: cookies, JWTs, caches, a mock client, comments.

use Aws\CommandInterface;
use Firebase\JWT\JWT;

function remember(string $value): void
{
    setcookie('session', $value, time() + 86400 * 30);
}

function token(string $key, int $userId): string
{
    $payload = ['sub' => $userId, 'iat' => time(), 'exp' => time() + 604800];
    return JWT::encode($payload, $key, 'HS256');
}

function cacheIt($cache, string $k, $v): void
{
    $cache->set($k, $v, 86400);
}

// MockS3Client.php in the snapshot: a method *named* like the SDK's is defined, not called.
class MockS3Client
{
    public function createPresignedRequest(CommandInterface $cmd, $expires, array $options = [])
    {
        return new \GuzzleHttp\Psr7\Request('GET', 'https://example.com/' . $expires);
    }
}

// $s3->createPresignedRequest($cmd, '+30 days');
/* $s3->createPresignedRequest($cmd, '+30 days'); */
# $cloudFront->getSignedUrl(['url' => $u, 'expires' => time() + 86400 * 365]);

function presignShort($s3, $cmd)
{
    // Another getSignedUrl: no 'expires' key, no UrlSigner receiver.
    $storage->getSignedUrl('reports/q3.pdf', time() + 86400 * 30);
    return $s3->createPresignedRequest($cmd, '+10 minutes');
}
