import AWSS3
import Foundation

let linkTTL: TimeInterval = 15 * 60

struct Links {
    static let ttl = linkTTL
    let client: S3Client

    func share(key: String, expiration: TimeInterval = Links.ttl) async throws -> URL? {
        let input = GetObjectInput(bucket: "media", key: key)
        return try await input.presignURL(config: client.config, expiration: expiration)
    }

    func names(_ keys: [String]) -> [String] {
        for key in keys {
            print(key.count)
        }
        return keys.map { $0.uppercased() }
    }
}
