// Callers in another directory of the same module: literals, a constant of another file, a
// loop, a log.
import AWSS3
import Foundation

func download(client: S3Client, key: String) async throws -> URL {
    try await signedLink(client: client, key: key, ttl: 2 * 24 * 3600) // expect: excessive-expiry
}

func archive(client: S3Client, key: String) async throws -> URL {
    try await shareLink(client: client, key: key, ttl: LinkTTL.share) // expect: excessive-expiry
}

func preview(client: S3Client, key: String) async throws -> URL {
    try await signedLink(client: client, key: key, ttl: LinkTTL.preview)
}

func gallery(client: S3Client, keys: [String]) async throws -> [URL] {
    var out: [URL] = []
    for key in keys {
        out.append(try await signedLink(client: client, key: key, ttl: 600)) // expect: presign-in-loop
    }
    return out
}

func debug(client: S3Client, key: String) async throws {
    print("link: \(try await signedLink(client: client, key: key, ttl: 300))") // expect: presigned-url-logged
}

// A lifetime from outside the program: not guessed.
func fromFlag(client: S3Client, key: String, seconds: TimeInterval) async throws -> URL {
    try await signedLink(client: client, key: key, ttl: seconds)
}
