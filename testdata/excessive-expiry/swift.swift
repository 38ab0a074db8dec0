// aws-sdk-swift: expiries (TimeInterval seconds) as literals, arithmetic, conversions,
// `let` constants, a struct's `static let`, and Swift 5.7 `Duration`s.
import AWSS3
import Foundation

struct Links {
    static let ttl: TimeInterval = 60 * 60 * 24 * 3
    static let preview: TimeInterval = 300
}

let weekSeconds = 7 * 24 * 60 * 60

func share(s3: S3Client, config: S3Client.S3ClientConfiguration, bucket: String, key: String) async throws {
    let input = GetObjectInput(bucket: bucket, key: key)
    let a = try await s3.presignedRequestForGetObject(input: input, expiration: 86400 * 2) // expect: excessive-expiry
    let b = try await s3.presignedURLForGetObject(input: input, expiration: TimeInterval(weekSeconds)) // expect: excessive-expiry
    let c = try await input.presignURL(config: config, expiration: Links.ttl) // expect: excessive-expiry
    let d = try await PutObjectInput(bucket: bucket, key: key).presign(config: config, expiration: 172_800.0) // expect: excessive-expiry
    let long = 60 * 60 * 24
    let e = try await UploadPartInput(bucket: bucket, key: key, partNumber: 1, uploadId: "u").presignURL(config: config, expiration: TimeInterval(long)) // expect: excessive-expiry
    // Within the limit.
    let f = try await s3.presignedRequestForGetObject(input: input, expiration: TimeInterval(5 * 60))
    let g = try await input.presignURL(config: config, expiration: Links.preview)
    let h = try await PutObjectInput(bucket: bucket, key: key).presignURL(config: config, expiration: 600)
    _ = (a, b, c, d, e, f, g, h)
}
