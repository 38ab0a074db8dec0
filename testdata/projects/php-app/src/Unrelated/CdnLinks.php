<?php

namespace Acme\Unrelated;

// A same-named method of an unrelated class, and recursion: both silent.
class CdnLinks
{
    public function signedLink(string $key, int $ttl): string
    {
        return 'https://cdn.example.com/' . $key;
    }

    public function useIt(): string
    {
        return $this->signedLink('a', 999999);
    }

    public function recurse(string $key, int $ttl): string
    {
        return $this->recurse($key, $ttl * 2);
    }

    public function start(): string
    {
        return $this->recurse('k', 999999);
    }
}
