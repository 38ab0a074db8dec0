<?php
// PHP joins strings with `.`.
$reportUrl = 'https://acme-exports.s3.amazonaws.com/php/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256' . // expect: hardcoded-presigned-url
    '&X-Amz-Credential=AKIAT2GKYUU5JUFHRTJX%2F20240115%2Fus-east-1%2Fs3%2Faws4_request' .
    '&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host' .
    '&X-Amz-Signature=5cf43d44d26af5110702' .
    'bbb512f8de52d085e6215958ae28dc17da9157b43c91';

$otherUrl = "https://acme-exports.s3.amazonaws.com/php/dq.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"."&X-Amz-Credential=AKIA6VEFA2YZQSNXSFA3%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"."&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"."&X-Amz-Signature=e0aff92430d06ab5ad745af0c96c9cbd687ad8f54baa13015c203d8b1f7c8bba"; // expect: hardcoded-presigned-url

// Interpolated and concatenated with variables: built at run time.
function build($host, $sig) {
    return "https://$host/php/dq.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" . '&X-Amz-Signature=' . $sig;
}
