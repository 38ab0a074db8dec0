// excessive-expiry: Soto, the server-side Swift SDK for AWS; expiries are SwiftNIO TimeAmounts.
import Foundation
import NIOCore
import SotoS3
import SotoSignerV4

func uploadURL(s3: S3, url: URL) async throws -> URL {
    try await s3.signURL(url: url, httpMethod: .PUT, expires: .hours(24)) // expect: excessive-expiry
}

func rawURL(signer: AWSSigner, url: URL) -> URL {
    signer.signURL(url: url, method: .GET, expires: TimeAmount.minutes(90)) // expect: excessive-expiry
}

func weekURL(s3: S3, url: URL) async throws -> URL {
    try await s3.signURL(url: url, httpMethod: .GET, expires: .hours(24 * 8)) // expect: expiry-exceeds-limit
}

// Negatives: short lifetimes.
func shortURL(s3: S3, url: URL) async throws -> URL {
    try await s3.signURL(url: url, httpMethod: .GET, expires: .minutes(15))
}

// Trap: another library's signURL without an `expires:` argument is not Soto's.
func thumbnail(imgproxy: Imgproxy, path: String) -> String {
    imgproxy.signURL(path, ttl: 86400)
}
