// The module's wrapper over the SDK, a wrapper of the wrapper, and its link lifetimes.
import AWSS3
import Foundation

enum LinkTTL {
    static let share: TimeInterval = 7 * 24 * 60 * 60
    static let preview: TimeInterval = 5 * 60
}

func signedLink(client: S3Client, key: String, ttl: TimeInterval) async throws -> URL {
    try await client.presignedURLForGetObject(input: GetObjectInput(bucket: "media", key: key), expiration: ttl)
}

func shareLink(client: S3Client, key: String, ttl: TimeInterval) async throws -> URL {
    try await signedLink(client: client, key: key, ttl: ttl)
}

// Recursion presigns nothing by itself: silent.
func retryLink(client: S3Client, key: String, ttl: TimeInterval) async throws -> URL {
    try await retryLink(client: client, key: key, ttl: ttl * 2)
}
