<?php
// A command-line script (issue 14, item 2): echo is for its user; error_log is a log.
require 'vendor/autoload.php';

if (php_sapi_name() !== 'cli') {
    exit(1);
}

$s3 = new Aws\S3\S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
$cmd = $s3->getCommand('GetObject', ['Bucket' => $argv[1], 'Key' => $argv[2]]);
$url = (string) $s3->createPresignedRequest($cmd, '+15 minutes')->getUri();
echo $url . PHP_EOL;
error_log("presigned $url"); // expect: presigned-url-logged
