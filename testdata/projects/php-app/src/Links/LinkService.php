<?php

namespace Acme\Links;

use Acme\Config\LinkSettings;
use Acme\Storage\S3Presigner;
use Psr\Log\LoggerInterface;

class LinkService
{
    public function __construct(private S3Presigner $presigner, private LoggerInterface $logger)
    {
    }

    public function signedLink(string $key, int $ttl = 36000): string
    {
        return $this->presigner->presign($key, $ttl);
    }

    public function share(string $key): string
    {
        return $this->signedLink($key, LinkSettings::LINK_TTL); // expect: excessive-expiry
    }

    public function shareDefault(string $key): string
    {
        return $this->signedLink($key); // expect: excessive-expiry
    }

    public function shareShort(string $key): string
    {
        return $this->signedLink($key, LinkSettings::SHORT_TTL);
    }

    public function capped(string $key): string
    {
        return $this->presigner->presignCapped($key, 999999);
    }

    public function forwardedLink(string $key, int $ttl): string
    {
        // A value from an unknown source stays dynamic.
        return $this->signedLink($key, $ttl);
    }

    public function traced(string $key): void
    {
        $url = $this->signedLink($key, 60);
        $this->logger->info("link {$url}"); // expect: presigned-url-logged
    }
}
