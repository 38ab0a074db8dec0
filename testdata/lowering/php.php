<?php

use Aws\S3\S3Client;

const LINK_TTL = '+15 minutes';

function share(S3Client $client, string $key, string $expires = LINK_TTL): string
{
    $command = $client->getCommand('GetObject', ['Bucket' => 'media', 'Key' => $key]);
    $request = $client->createPresignedRequest($command, $expires);
    return (string) $request->getUri();
}

function names(array $keys): array
{
    $out = [];
    foreach ($keys as $key) {
        echo strlen($key);
        $out[] = trim($key);
    }
    return array_map(fn ($k) => strtoupper($k), $out);
}
