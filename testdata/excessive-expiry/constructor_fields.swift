// Properties an initializer sets, read by the type's other methods.
import AWSS3

class ReportLinks {
    let client: S3Client
    let ttl: TimeInterval

    init(client: S3Client) {
        self.client = client
        self.ttl = 2 * 24 * 3600
    }

    func report(key: String) async throws -> URLRequest {
        let input = GetObjectInput(bucket: "b", key: key)
        return try await client.presignedRequestForGetObject(input: input, expiration: ttl) // expect: excessive-expiry
    }
}

class ShortLinks {
    let client: S3Client
    let ttl: TimeInterval

    init(client: S3Client) {
        self.client = client
        self.ttl = 300
    }

    func link(key: String) async throws -> URLRequest {
        let input = GetObjectInput(bucket: "b", key: key)
        return try await client.presignedRequestForGetObject(input: input, expiration: self.ttl)
    }
}

class Retuned {
    // Trap: a method sets the property again.
    let client: S3Client
    var ttl: TimeInterval

    init(client: S3Client) {
        self.client = client
        self.ttl = 2 * 24 * 3600
    }

    func shorten() {
        self.ttl = 60
    }

    func link(key: String) async throws -> URLRequest {
        let input = GetObjectInput(bucket: "b", key: key)
        return try await client.presignedRequestForGetObject(input: input, expiration: self.ttl)
    }
}
