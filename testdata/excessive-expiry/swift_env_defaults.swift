// Defaults behind an environment lookup, in Swift's idioms.
import AWSS3
import Foundation

let linkTtl = TimeInterval(ProcessInfo.processInfo.environment["LINK_TTL"] ?? "604800") ?? 604800

func link(s3: S3Client, key: String) async throws -> URL {
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: linkTtl) // expect: excessive-expiry
}

// --- Traps: all silent. ---
// A short default; a cookie's lifetime from the same environment.
let shortTtl = TimeInterval(ProcessInfo.processInfo.environment["LINK_TTL"] ?? "900") ?? 900
let cookieAge = TimeInterval(ProcessInfo.processInfo.environment["COOKIE_AGE"] ?? "604800") ?? 604800

func short(s3: S3Client, key: String) async throws -> URL {
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: shortTtl)
}
