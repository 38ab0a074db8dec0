<?php
// legacy-signature-version: aws-sdk-php v3 has no SigV2 signer for S3 (SignatureProvider knows
// only the v4 forms and 'anonymous'), so nothing here is reported.
use Aws\S3\S3Client;

$s3 = new S3Client(['version' => 'latest', 'region' => 'us-east-1', 'signature_version' => 'v4']);
$v2 = new S3Client(['version' => 'latest', 'region' => 'us-east-1', 'signature_version' => 'v2']);
