<?php
// Presigned URLs written to output or logs, and look-alikes that must stay silent.

use Aws\S3\S3Client;
use Psr\Log\LoggerInterface;

function share(S3Client $s3, LoggerInterface $logger, string $key): string
{
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
    $request = $s3->createPresignedRequest($cmd, '+10 minutes');
    $url = (string) $request->getUri();
    echo $url; // expect: presigned-url-logged
    echo "link: $url\n"; // expect: presigned-url-logged
    print "link: {$url}"; // expect: presigned-url-logged
    error_log('link: ' . $url); // expect: presigned-url-logged
    $logger->info('presigned', ['url' => $url]); // expect: presigned-url-logged
    var_dump($request->getUri()); // expect: presigned-url-logged
    printf("link: %s\n", $url); // expect: presigned-url-logged
    return $url;
}

// --- Precision traps: all silent. ---

function handler(S3Client $s3, LoggerInterface $logger, string $key): string
{
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
    $url = (string) $s3->createPresignedRequest($cmd, '+5 minutes')->getUri();
    $logger->info("presigned $key for 5 minutes");
    echo json_encode(['key' => $key]);
    header('Location: ' . $url);
    return $url;
}

function public_link(string $key): void
{
    $url = "https://media.example.com/$key";
    echo $url;
}
