<?php

use Aws\Credentials\Credentials;
use Aws\S3\S3Client;

// Positives.
$s3 = new S3Client([
    'region' => 'eu-west-1',
    'version' => 'latest',
    'credentials' => [
        'key' => 'AKIAUJZDEGXDNCF32EPF', // expect: hardcoded-credentials
        'secret' => '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',
    ],
]);

$credentials = new Credentials('AKIAH2KVJ72CEUVW75EF', 'I8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtD'); // expect: hardcoded-credentials

$config = [
    'region' => 'us-east-1',
    'credentials' => [
        'key' => getenv('AWS_ACCESS_KEY_ID'),
        'secret' => 'ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH', // expect: hardcoded-credentials
    ],
];
$other = new S3Client($config);

// Negatives.
$fromEnv = new S3Client([
    'region' => 'eu-west-1',
    'credentials' => ['key' => getenv('AWS_ACCESS_KEY_ID'), 'secret' => getenv('AWS_SECRET_ACCESS_KEY')],
]);
$docs = new Credentials('AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
$local = new S3Client(['credentials' => ['key' => 'minioadmin', 'secret' => 'minioadmin']]);
// `key`/`secret` outside a `credentials` array are something else.
$cache = new Cache(['key' => 'AKIA6KBNXJBTFQXKWOVO', 'secret' => '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']);
function client($key, $secret)
{
    return new S3Client(['credentials' => ['key' => $key, 'secret' => $secret]]);
}
