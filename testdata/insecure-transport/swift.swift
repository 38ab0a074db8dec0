// aws-sdk-swift clients whose endpoint is plain HTTP.
import AWSS3

func local(key: String) async throws -> URL {
    let config = try await S3Client.S3ClientConfiguration(region: "us-east-1", endpoint: "http://localhost:9000") // expect: insecure-transport
    let s3 = S3Client(config: config)
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300)
}

// Negative: HTTPS.
func secure(key: String) async throws -> URL {
    let config = try await S3Client.S3ClientConfiguration(region: "us-east-1", endpoint: "https://s3.example.com")
    let s3 = S3Client(config: config)
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300)
}
