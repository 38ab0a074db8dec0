<?php

namespace Acme\Config;

class LinkSettings
{
    public const DAY = 86400;
    public const LINK_TTL = 2 * self::DAY;
    public const SHORT_TTL = 300;
}
