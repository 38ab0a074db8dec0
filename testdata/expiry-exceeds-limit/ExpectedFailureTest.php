<?php
// PHPUnit announces that the rest of a test throws: the calls after the announcement are
// made to be refused and sign nothing. Calls before it, or in another test, are checked.
use Aws\S3\S3Client;
use PHPUnit\Framework\TestCase;

final class PresignLimitTest extends TestCase
{
    public function testRefusesEightDays(): void
    {
        $s3 = new S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
        $cmd = $s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => 'k']);
        $s3->createPresignedRequest($cmd, '+8 days'); // expect: expiry-exceeds-limit
        $this->expectException(InvalidArgumentException::class);
        $s3->createPresignedRequest($cmd, '+8 days');
    }

    public function testSignsEightDays(): void
    {
        $s3 = new S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
        $cmd = $s3->getCommand('GetObject', ['Bucket' => 'b', 'Key' => 'k']);
        $s3->createPresignedRequest($cmd, '+8 days'); // expect: expiry-exceeds-limit
    }
}
