<?php

namespace Acme\Storage;

use Aws\Exception\CredentialsException;
use Aws\S3\S3Client;

class S3Presigner
{
    private S3Client $s3;

    public function __construct()
    {
        $this->s3 = new S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
    }

    public function presign(string $key, int $seconds): string
    {
        $cmd = $this->s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
        return (string) $this->s3->createPresignedRequest($cmd, time() + $seconds)->getUri();
    }

    public function presignCapped(string $key, int $seconds): string
    {
        // The parameter is overridden inside the wrapper: callers do not decide the expiry.
        $seconds = 600;
        $cmd = $this->s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
        return (string) $this->s3->createPresignedRequest($cmd, time() + $seconds)->getUri();
    }

    public function presignWithRetry(string $key, int $seconds, int $attempts = 3): string
    {
        // Recursive: a transient signing failure is retried with one attempt less.
        try {
            $cmd = $this->s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
            return (string) $this->s3->createPresignedRequest($cmd, time() + $seconds)->getUri();
        } catch (CredentialsException $e) {
            if ($attempts <= 1) {
                throw $e;
            }
            return $this->presignWithRetry($key, $seconds, $attempts - 1);
        }
    }
}
