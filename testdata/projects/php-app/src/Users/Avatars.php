<?php

namespace Acme\Users;

use Acme\Storage\S3Presigner;

class Avatars
{
    public function __construct(private S3Presigner $presigner)
    {
    }

    public function url(string $userId): string
    {
        return $this->presigner->presignWithRetry("avatars/{$userId}.png", 900);
    }
}
