<?php
// Defaults behind a lookup (issue 14, item 7).

function elvis($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, getenv('URL_TTL') ?: '+6 hours'); // expect: excessive-expiry
}

function wordpress_filter($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, apply_filters('acme_presign_expiry', '+6 hours')); // expect: excessive-expiry
}

function env_superglobal($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, $_ENV['URL_TTL'] ?? '+2 days'); // expect: excessive-expiry
}

function laravel_env($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, env('URL_TTL', '+3 hours')); // expect: excessive-expiry
}

function laravel_config($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, config('filesystems.presign_ttl', '+12 hours')); // expect: excessive-expiry
}

function wordpress_option($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, get_option('acme_presign_expiry', '+10 days')); // expect: expiry-exceeds-limit
}

// --- Traps: all silent. ---

function short($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, getenv('URL_TTL') ?: '+15 minutes');
}

function unset_env($s3, $cmd) {
    return $s3->createPresignedRequest($cmd, getenv('URL_TTL'));
}
