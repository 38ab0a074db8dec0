<?php
// presign-client-without-region: aws-sdk-php v3.
use Aws\S3\S3Client;

function noRegion(string $key): string
{
    $s3 = new S3Client(['version' => 'latest']); // expect: presign-client-without-region
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+15 minutes')->getUri();
}

// Negatives: a region, options from a parameter.
function regional(string $key): string
{
    $s3 = new S3Client(['version' => 'latest', 'region' => 'eu-west-1']);
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+15 minutes')->getUri();
}

function fromOptions(array $options, string $key): string
{
    $s3 = new S3Client($options);
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+15 minutes')->getUri();
}
