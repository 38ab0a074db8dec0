// aws-sdk-swift presigning per element: for-in loops, forEach, map and compactMap.
import AWSS3
import Foundation

func links(s3: S3Client, config: S3Client.S3ClientConfiguration, keys: [String]) async throws -> [URL] {
    var out: [URL] = []
    for key in keys {
        let url = try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300) // expect: presign-in-loop
        out.append(url)
    }
    keys.forEach { key in
        pending.append(GetObjectInput(bucket: "b", key: key).presignURL(config: config, expiration: 300)) // expect: presign-in-loop
    }
    let urls = keys.compactMap { try? GetObjectInput(bucket: "b", key: $0).presignURL(config: config, expiration: 300) } // expect: presign-in-loop
    _ = urls
    return out
}

// Negative: one URL.
func one(s3: S3Client, key: String) async throws -> URL {
    try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300)
}
