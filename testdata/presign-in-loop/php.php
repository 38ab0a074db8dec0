<?php
// Presign calls that run once per element, and look-alikes that must stay silent.

use Aws\S3\S3Client;

function gallery(S3Client $s3, array $keys): array
{
    $links = [];
    foreach ($keys as $key) {
        $cmd = $s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
        $links[$key] = (string) $s3->createPresignedRequest($cmd, '+10 minutes')->getUri(); // expect: presign-in-loop
    }
    for ($i = 0; $i < count($keys); $i++) {
        $s3->createPresignedRequest($s3->getCommand('GetObject', ['Key' => $keys[$i]]), '+10 minutes'); // expect: presign-in-loop
    }
    $more = array_map(fn ($k) => $s3->createPresignedRequest($s3->getCommand('GetObject', ['Key' => $k]), '+10 minutes'), $keys); // expect: presign-in-loop
    $old = array_map(function ($k) use ($s3) {
        return $s3->createPresignedRequest($s3->getCommand('GetObject', ['Key' => $k]), '+10 minutes'); // expect: presign-in-loop
    }, $keys);
    return [$links, $more, $old];
}

// A batch helper by its name.
function presign_all(S3Client $s3, string $key)
{
    return $s3->createPresignedRequest($s3->getCommand('GetObject', ['Key' => $key]), '+10 minutes'); // expect: presign-in-loop
}

// --- Precision traps: all silent. ---

// One URL per request.
function download(S3Client $s3, string $key): string
{
    $cmd = $s3->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
    return (string) $s3->createPresignedRequest($cmd, '+5 minutes')->getUri();
}

// A closure created in a loop but not called by it.
function handlers(S3Client $s3, array $keys): array
{
    $out = [];
    foreach ($keys as $key) {
        $out[] = fn () => $s3->createPresignedRequest($s3->getCommand('GetObject', ['Key' => $key]), '+5 minutes');
    }
    return $out;
}

// Non-presign calls in a loop.
function other(S3Client $s3, array $keys): void
{
    foreach ($keys as $key) {
        $s3->headObject(['Bucket' => 'media', 'Key' => $key]);
    }
}

// The parts of one multipart upload are presigned together by design.
function parts(S3Client $s3, string $uploadId, int $count): array
{
    $urls = [];
    for ($n = 1; $n <= $count; $n++) {
        $cmd = $s3->getCommand('UploadPart', ['Bucket' => 'media', 'Key' => 'big', 'UploadId' => $uploadId, 'PartNumber' => $n]);
        $urls[] = $s3->createPresignedRequest($cmd, '+10 minutes');
    }
    return $urls;
}
