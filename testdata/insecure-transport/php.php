<?php
// insecure-transport: aws-sdk-php clients that presign over HTTP.
use Aws\S3\S3Client;

function mediaLink(string $key): string
{
    $s3 = new S3Client([
        'version' => 'latest',
        'region' => 'eu-west-1',
        'endpoint' => 'http://s3.eu-west-1.amazonaws.com', // expect: insecure-transport@error
    ]);
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+15 minutes')->getUri();
}

function plainLink(string $key): string
{
    $s3 = new S3Client(['version' => 'latest', 'region' => 'eu-west-1', 'scheme' => 'http']); // expect: insecure-transport
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+15 minutes')->getUri();
}

function devLink(string $key): string
{
    $s3 = new S3Client(['version' => 'latest', 'region' => 'us-east-1', 'endpoint' => 'http://minio:9000', 'use_path_style_endpoint' => true]); // expect: insecure-transport@note
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'dev', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+5 minutes')->getUri();
}

// Negatives: https; an http client that does not presign; a client passed in.
function secureLink(string $key): string
{
    $s3 = new S3Client(['version' => 'latest', 'region' => 'eu-west-1', 'endpoint' => 'https://s3.eu-west-1.amazonaws.com', 'scheme' => 'https']);
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+5 minutes')->getUri();
}

function upload(string $key): void
{
    $s3 = new S3Client(['version' => 'latest', 'region' => 'eu-west-1', 'endpoint' => 'http://s3.internal:9000']);
    $s3->putObject(['Bucket' => 'b', 'Key' => $key, 'Body' => 'x']);
}

function injected(S3Client $s3, $cmd): string
{
    return (string) $s3->createPresignedRequest($cmd, '+5 minutes')->getUri();
}
// 'endpoint' => 'http://example.com' in a comment
