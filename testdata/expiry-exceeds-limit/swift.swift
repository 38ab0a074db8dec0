// aws-sdk-swift expirations past the 7-day SigV4 limit.
import AWSS3
import Foundation

func tooLong(s3: S3Client, config: S3Client.S3ClientConfiguration, input: GetObjectInput) async throws {
    let a = try await s3.presignedURLForGetObject(input: input, expiration: 60 * 60 * 24 * 8) // expect: expiry-exceeds-limit
    let b = try await input.presignURL(config: config, expiration: TimeInterval(30 * 24 * 3600)) // expect: expiry-exceeds-limit
    // Exactly 7 days is within the limit (but excessive).
    let c = try await s3.presignedURLForGetObject(input: input, expiration: 604_800) // expect: excessive-expiry
    _ = (a, b, c)
}
