<?php
// Fields a class's constructor sets, read by its other methods.
use Aws\S3\S3Client;

class ReportLinks
{
    private $client;
    private $ttl;

    public function __construct()
    {
        $this->client = new S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
        $this->ttl = '+2 days';
    }

    public function report($key)
    {
        $cmd = $this->client->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
        return $this->client->createPresignedRequest($cmd, $this->ttl); // expect: excessive-expiry
    }
}

class ShortLinks
{
    private $client;
    private $ttl;

    public function __construct()
    {
        $this->client = new S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
        $this->ttl = '+5 minutes';
    }

    public function link($key)
    {
        $cmd = $this->client->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
        return $this->client->createPresignedRequest($cmd, $this->ttl);
    }
}

class ExportLinks
{
    // A parameter's default: what an object built without it presigns with.
    private $s3;
    private $expires;

    public function __construct(S3Client $s3, string $expires = '+7 days')
    {
        $this->s3 = $s3;
        $this->expires = $expires;
    }

    public function link(string $key)
    {
        $cmd = $this->s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => $key]);
        return $this->s3->createPresignedRequest($cmd, $this->expires); // expect: excessive-expiry
    }
}
