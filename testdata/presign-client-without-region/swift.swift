// aws-sdk-swift clients that presign without a region in the file.
import AWSS3

func noRegion(key: String) async throws -> URL {
    let s3 = try await S3Client() // expect: presign-client-without-region
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300)
}

func noRegionConfig(key: String) async throws -> URL {
    let config = try await S3Client.S3ClientConfiguration()
    let s3 = S3Client(config: config) // expect: presign-client-without-region
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300)
}

// Negatives: a region set on the configuration or the client.
func withRegion(key: String) async throws -> URL {
    let config = try await S3Client.S3ClientConfiguration(region: "eu-west-1")
    let s3 = S3Client(config: config)
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300)
}

func convenience(key: String) async throws -> URL {
    let s3 = try S3Client(region: "eu-west-1")
    return try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 300)
}
