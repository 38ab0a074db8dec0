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
