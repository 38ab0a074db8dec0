<?php
// aws-sdk-php presigned requests and CloudFront signed URLs with expiries over 1 hour.

namespace App\Storage;

use Aws\CloudFront\CloudFrontClient;
use Aws\CloudFront\UrlSigner;
use Aws\S3\PostObjectV4;
use Aws\S3\S3Client;

class Presigner
{
    const SHARE_FOR = '+3 hours';
    private $uploadWindow = '+90 minutes';

    public function __construct(private S3Client $s3, private CloudFrontClient $cloudFront)
    {
    }

    public function download(string $bucket, string $key): string
    {
        $cmd = $this->s3->getCommand('GetObject', ['Bucket' => $bucket, 'Key' => $key]);
        $request = $this->s3->createPresignedRequest($cmd, '+2 days'); // expect: excessive-expiry
        return (string) $request->getUri();
    }

    public function upload(S3Client $s3, string $bucket, string $key): string
    {
        $cmd = $s3->getCommand('PutObject', ['Bucket' => $bucket, 'Key' => $key]);
        return (string) $s3->createPresignedRequest($cmd, $this->uploadWindow)->getUri(); // expect: excessive-expiry
    }

    public function constant(S3Client $s3, $cmd)
    {
        return $s3->createPresignedRequest($cmd, self::SHARE_FOR); // expect: excessive-expiry
    }

    public function withoutPlus(S3Client $s3, $cmd)
    {
        // download.php in the snapshot: strtotime() reads "15 minutes" without a sign.
        $lifetime = "12 hours";
        return $s3->createPresignedRequest(
            $cmd,
            $lifetime // expect: excessive-expiry
        );
    }

    public function dateTime(S3Client $s3, $cmd)
    {
        return $s3->createPresignedRequest($cmd, new \DateTime('+6 hours')); // expect: excessive-expiry
    }

    public function named(S3Client $s3, $cmd)
    {
        return $s3->createPresignedRequest(command: $cmd, expires: strtotime('+1 day')); // expect: excessive-expiry
    }

    public function cdn(string $url, string $keyPairId, string $privateKey): string
    {
        return $this->cloudFront->getSignedUrl([
            'url' => $url,
            'expires' => time() + 86400 * 30, // expect: excessive-expiry
            'private_key' => $privateKey,
            'key_pair_id' => $keyPairId,
        ]);
    }

    public function cdnOptionsBuiltEarlier(CloudFrontClient $cloudFront, string $url): string
    {
        $options = ['url' => $url, 'key_pair_id' => 'K2JCJMDEHXQW5F', 'private_key' => '/keys/cf.pem'];
        $options['expires'] = time() + 4 * 3600; // expect: excessive-expiry
        return $cloudFront->getSignedUrl($options);
    }

    public function urlSigner(string $url): string
    {
        $signer = new UrlSigner('K2JCJMDEHXQW5F', '/keys/cf.pem');
        return $signer->getSignedUrl($url, time() + 7200); // expect: excessive-expiry
    }

    public function cdnCookies(string $keyPairId, string $privateKey): array
    {
        return $this->cloudFront->getSignedCookie([
            'url' => 'https://d111111abcdef8.cloudfront.net/reports/*',
            'expires' => time() + 7 * 86400, // expect: excessive-expiry
            'private_key' => $privateKey,
            'key_pair_id' => $keyPairId,
        ]);
    }

    public function uploadForm(S3Client $s3): array
    {
        $inputs = ['acl' => 'private', 'key' => 'uploads/${filename}'];
        $options = [['bucket' => 'acme-uploads'], ['starts-with', '$key', 'uploads/']];
        $form = new PostObjectV4($s3, 'acme-uploads', $inputs, $options, '+12 hours'); // expect: excessive-expiry
        return $form->getFormInputs();
    }

    // Within the policy: silent.
    public function fine(S3Client $s3, $cmd, string $url)
    {
        $s3->createPresignedRequest($cmd, '+20 minutes');
        $s3->createPresignedRequest($cmd, new \DateTime('+1 hour'));
        $this->cloudFront->getSignedUrl(['url' => $url, 'expires' => time() + 300]);
        $this->cloudFront->getSignedCookie(['url' => $url, 'expires' => time() + 600]);
        new PostObjectV4($s3, 'acme-uploads', [], [], '+30 minutes');
        return $s3->createPresignedRequest($cmd, '15 minutes');
    }

    // Dynamic or not a duration: silent. upload.php interpolates a parameter; an integer is an
    // absolute Unix timestamp (S3ServiceTest.php passes 10, i.e. 1970).
    public function dynamic(S3Client $s3, $cmd, $minutes = 15, $expires = '+1 week')
    {
        $s3->createPresignedRequest($cmd, "+{$minutes} minutes");
        $s3->createPresignedRequest($cmd, "+$minutes minutes");
        $s3->createPresignedRequest($cmd, $expires);
        $s3->createPresignedRequest($cmd, getenv('PRESIGN_TTL'));
        return $s3->createPresignedRequest($cmd, 10);
    }
}

// `??=` fills in a default only when the caller gave none: the caller's value decides.
function presign_or_default($s3, $cmd, $ttl = null)
{
    $ttl ??= '+10 minutes';
    return $s3->createPresignedRequest($cmd, $ttl);
}

function default_link($s3, $cmd)
{
    return presign_or_default($s3, $cmd);
}

function long_link($s3, $cmd)
{
    return presign_or_default($s3, $cmd, '+2 days'); // expect: excessive-expiry
}
