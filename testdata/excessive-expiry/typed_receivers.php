<?php
// A CloudFront URL signer known by the type it is declared with: a typed property, a promoted
// constructor parameter, a function's parameter.

use Aws\CloudFront\UrlSigner;

class Links
{
    private UrlSigner $signer;

    public function __construct(private UrlSigner $promoted, UrlSigner $signer)
    {
        $this->signer = $signer;
    }

    public function property(string $url)
    {
        return $this->signer->getSignedUrl($url, time() + 86400); // expect: excessive-expiry
    }

    public function promoted(string $url)
    {
        return $this->promoted->getSignedUrl($url, time() + 2 * 86400); // expect: excessive-expiry
    }

    public function short(string $url)
    {
        return $this->signer->getSignedUrl($url, time() + 300);
    }
}

function byParameter(UrlSigner $signer, string $url)
{
    return $signer->getSignedUrl($url, strtotime('+1 day')); // expect: excessive-expiry
}

// Trap: another library's signer, declared as such.
function otherSigner(\App\Support\LinkSigner $links, string $url)
{
    return $links->getSignedUrl($url, time() + 86400);
}
