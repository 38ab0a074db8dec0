<?php

declare(strict_types=1);

namespace Acme\Invoices\Tests;

use Acme\Invoices\InvoiceLinks;
use Aws\S3\S3Client;
use PHPUnit\Framework\TestCase;

final class InvoiceLinksTest extends TestCase
{
    // What json_encode() returned in production before the fix (slashes escaped by default).
    private const API_RESPONSE = '{"invoice":"INV-2024-0042","pdf":"https:\/\/s3.amazonaws.com\/acme-invoices\/2024\/01\/INV-2024-0042.pdf?X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Security-Token=IQoJb3JpZ2luX2VjA73x0dxX4kQ4A1smmC5SJvaVs8rqPlwTL%2FI9xBWuZkdKRVsWF1daj7IrX1JR1Lb5fZfsx%2BPtmIZjCgw%2BRtNnWcZRZLhyWXC8KnFFx%2BA8m9MS3ytbBYXEABI6KjuHDXVUAVtWsv0qd5EwY%2Fll881GWzx5if1AVYlb%2FXLD3ixFFp3C%2FD7mTkPDey57rkPSJna8PzfyUewwUKvaW19mgnfv1OSgmjrVxnntA4mkhqS48t1IlM%2FIxrB%2FjgUBp0pAjjzLgiMTRMS9t%2Bc9z19m%2FK9vTS0DKHCFbPDA3ZF9VsaL%2Bze7oKEh9cQYiDyXPsTuUsafRG1UZj8pTZHDoOuBXQZiJmK%2Bes5n5%2FVFCifEMKUnMJH%2BXkkj5jgJH28ecPQb3jIwNJzNzUxSe44BWoMWajMeG4TdLLz4xiyM0YL%2F0Mc7AlncDJbqkMznYXJ2FKnn%2FamFbw0QpoTwBXC0EoJ95PRADos13K0Nd5BRGZSVOQVSvwveHAGTyHHC5RwJH492K1F3SlB85AqGaYLzIV5RnnsxqEg9y10QdqYurDhnF%2BeINpxXMU9c&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAV2HQAVB7F2CE5QT3%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-SignedHeaders=host&X-Amz-Expires=1200&X-Amz-Signature=f945562ab16f8a80c312791b80574a45599223b9eba89657cabc016ba5cbc91c"}'; // expect: hardcoded-presigned-url

    private const STATEMENT_URL = "https://storage.googleapis.com/acme-statements/2024/01/ACME-STMT-0042.pdf?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=statements%40acme-billing-5521.iam.gserviceaccount.com%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240115T101500Z&X-Goog-Expires=1800&X-Goog-SignedHeaders=host&X-Goog-Signature=d8f4e192c3e4e8117881815f82bee2576d3fe24a2a7ebdd10f07a8fdf27b9b204a8429f9a5dda6232df9d12dbd92966a214310d372994daeefdfe729186056b983acbf646474f8035dcc8d2322635796a3a63b1bd2aa645f6ec3a99d10b88999f2490bb60fd49727e38870addf0eeaf36702a24c294865a3f7baa6a6ea5644f25d9f77160fce6b48fa2ec491d26279d86255c3db3e6c516d4d5b2ab14841869bf527214af0dc507af86d5727f1acecc783bd947b403d6029c4682d4e207fb1e4d3dc9880c8f7841e4a3be5eb0964486e9fb4c97fd87a45988145df573b9466c3c847ebd542f6b96f8ab7ce8dace7b92796d034a94adbae7cd73b1aa867f87096"; // expect: hardcoded-presigned-url

    // json_encode($row, JSON_HEX_AMP) from the 2016 export job: slashes and ampersands escaped.
    private const LEGACY_EXPORT = '{"id":7,"file":"https:\/\/acme-invoices-legacy.s3.amazonaws.com\/exports\/2016\/INV-2016-0007.pdf?AWSAccessKeyId=AKIACURENND6GAQ5NBYK\u0026Expires=1705317300\u0026Signature=gE7sKPBjHu6LctsfjE7QUjwE1pQ%3D"}'; // expect: hardcoded-presigned-url, legacy-signature-version

    public function testOldLinksAreRejected(): void
    {
        $links = new InvoiceLinks($this->createMock(S3Client::class));

        $archived = <<<'URL'
        https://acme-invoices-archive.s3.ap-southeast-2.amazonaws.com/2019/INV-2019-0007.pdf?X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIALPY76JAXZD5GAZOB%2F20240115%2Fap-southeast-2%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Signature=a92ef417e4fc0c19e09f9aad09b12c21b179365ae5de4d66a24a249e94905c4e
        URL; // expect^: hardcoded-presigned-url

        $this->assertFalse($links->isValid($archived));
        $this->assertFalse($links->isValid(self::STATEMENT_URL));
        $this->assertFalse($links->isValid(json_decode(self::LEGACY_EXPORT, true)['file']));
        $this->assertFalse($links->isValid(json_decode(self::API_RESPONSE, true)['pdf']));
    }

    public function testPortalLinkIsEncoded(): void
    {
        $portal = 'https://portal.example.org/pay?invoice=INV-2024-0042&return=https%3A%2F%2Facme-invoices.s3.amazonaws.com%2F2024%2F01%2FINV-2024-0042-receipt.pdf%3FX-Amz-Content-Sha256%3DUNSIGNED-PAYLOAD%26X-Amz-Security-Token%3DIQoJb3JpZ2luX2VjbvcnOXFouUp2oKUl3MFVKivIeCF9Hx5k1nVym18zbUxroee06REKEH8rat2T%252FAadnZYGwtYjoYpiO2IXgV8eFTMkhG88GhwNyV7ckfOoLuauVWGmm%252BliQLu%252FtlM2h30Kno1XitP5gRqTaL1I1VqgBW0dX8k7vkGKaEU0TJhEq%252BjHQtYyZJtmV6S4LdNiPfZEuIxZmzLpAO9qR%252Br%252FdJTB1ph5mEeiRbzhG48NpgKGLPLe8qvaK1g5ig7J74XCZvXMHu2yrDs5a9WlX9WfazcLUQhswInXsoQNVlSzg1iR%252BmX%252Byp4zlBhz5HZ%252BjF0cDzA9hECd0tWy4GpIIxkpasUTaaM0Z2ovtE7jRG%252BpTK7HWRHFUwtGwpzPEHQ%252F3rTFxLQYz83Sa2AF%252BgZzSvqbRXMTK8c8QOv7g187D1nNYk4JadBhzOc250wDibUfUbihP0xbIrx6wpy4v%252FkrwF7b5hj5wfXvD6f%252B58F%252Bpk4ZZ5M7A1q4tgVrhwYKbBlcB%252F%252B7paze3QBoCdwYLan3M7YTXTXcUUFbBadsK6mFo8t%252FcOelMKU7MBCG%26X-Amz-Algorithm%3DAWS4-HMAC-SHA256%26X-Amz-Credential%3DASIANP44OYXETF3JZGIO%252F20240115%252Fus-east-1%252Fs3%252Faws4_request%26X-Amz-Date%3D20240115T101500Z%26X-Amz-SignedHeaders%3Dhost%26X-Amz-Expires%3D900%26X-Amz-Signature%3D6eeb281aaae8d8f15b61d18c3fa68ed4550c5ba71d897c2202fcededdd010d82'; // expect: hardcoded-presigned-url
        $this->assertStringStartsWith('https://portal.example.org/', $portal);
    }

    public function testFreshLinkIsShortLived(): void
    {
        $s3 = new S3Client(['region' => 'us-east-1', 'version' => '2006-03-01']);
        $command = $s3->getCommand('GetObject', ['Bucket' => 'acme-invoices', 'Key' => '2024/01/INV-2024-0042.pdf']);
        $request = $s3->createPresignedRequest($command, '+10 minutes');
        $this->assertStringContainsString('X-Amz-Expires=600', (string) $request->getUri());
    }

    // Not findings: the presigned POST form, built from fields the SDK returns.
    private function uploadForm(array $fields): string
    {
        return <<<HTML
        <form action="https://acme-invoices.s3.amazonaws.com/" method="post" enctype="multipart/form-data">
          <input type="hidden" name="X-Amz-Credential" value="{$fields['X-Amz-Credential']}">
          <input type="hidden" name="X-Amz-Signature" value="{{ sig }}">
          <input type="file" name="file">
        </form>
        HTML;
    }

    private function buildLink(string $key, string $signature): string
    {
        return 'https://acme-invoices.s3.amazonaws.com/' . $key . '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=' . $signature;
    }
}
?>
<!-- Rendered e-mail preview used by the snapshot test. -->
<p>Your invoice is attached. If the attachment is missing, <a href="https://dhxczocmjqjuhx.cloudfront.net/invoices/INV-2024-0042.pdf?Expires=1705317300&amp;Signature=5Yqu-oeU5XT05~dbMwUWWUNrU5Ut2YcM9UuX1GeJWRvWvqXRzkuO9wt1mRfFqheA0Q-CRq~Ti6jo2rc9QicQEFrYF7L38SoSUMCjCnmbIcjyySiZ9MHxWeHkhp85sDDUE9ieEksSRiGQh58BlrO312HC5T-XgVTx94OWsArP0gc_&amp;Key-Pair-Id=K1I396FGW6S2K5">download it here</a>.</p> <!-- expect: hardcoded-presigned-url -->
