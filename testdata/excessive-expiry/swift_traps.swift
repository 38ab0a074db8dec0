// Traps: a cookie's expiry, a cache's expiration, and a user's `presign` without the SDK's
// `expiration:` label are not presigned URLs.
import Foundation

struct Cache {
    var expiration: TimeInterval = 60 * 60 * 24 * 30
}

func remember(url: URL) {
    let cookie = HTTPCookie(properties: [
        .name: "session",
        .value: "v",
        .path: "/",
        .expires: Date(timeIntervalSinceNow: 60 * 60 * 24 * 365),
    ])
    let cache = Cache(expiration: 60 * 60 * 24 * 90)
    let store = NSCache<NSString, NSString>()
    store.setObject("x", forKey: "k")
    let signer = LocalSigner()
    let s = signer.presign(url, ttl: 86400 * 30)
    _ = (cookie, cache, s)
}
