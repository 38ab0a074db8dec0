<?php
// aws-sdk-php presigned requests over the 7-day SigV4 limit: the SDK throws.

use Aws\S3\S3Client;

function archive(S3Client $s3, string $key)
{
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'archive', 'Key' => $key]);
    $a = $s3->createPresignedRequest($cmd, new DateTime('+8 days')); // expect: expiry-exceeds-limit
    $b = $s3->createPresignedRequest($cmd, '+1 month'); // not folded: months vary in length
    $c = $s3->createPresignedRequest($cmd, '+2 weeks'); // expect: expiry-exceeds-limit
    $d = $s3->createPresignedRequest($cmd, new \DateTimeImmutable('+30 days')); // expect: expiry-exceeds-limit
    // The maximum itself: over policy, not over the limit.
    return $s3->createPresignedRequest($cmd, '+7 days'); // expect: excessive-expiry
}
