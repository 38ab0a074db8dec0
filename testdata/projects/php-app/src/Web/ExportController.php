<?php

namespace Acme\Web;

use Acme\Links\LinkService;

class ExportController
{
    public function __construct(private LinkService $links)
    {
    }

    public function listing(array $keys): array
    {
        return array_map(fn ($k) => $this->links->signedLink($k, 4 * 86400), $keys); // expect: excessive-expiry, presign-in-loop
    }

    public function each(array $keys): array
    {
        $result = [];
        foreach ($keys as $k) {
            $result[] = $this->links->signedLink($k, 1800); // expect: presign-in-loop
        }
        return $result;
    }

    public function one(string $key): string
    {
        return $this->links->signedLink($key, 2 * 3600); // expect: excessive-expiry
    }

    public function level3(string $key, int $ttl): string
    {
        return $this->links->forwardedLink($key, $ttl);
    }

    public function deep(string $key): string
    {
        return $this->level3($key, 10 * 86400); // expect: expiry-exceeds-limit
    }
}
