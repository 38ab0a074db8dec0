// A task started per element presigns once per element, as the loop itself would.
import AWSS3
import Foundation

func shareAll(s3: S3Client, keys: [String]) async throws {
    for key in keys {
        Task {
            let input = GetObjectInput(bucket: "b", key: key)
            _ = try await s3.presignedURLForGetObject(input: input, expiration: 900) // expect: presign-in-loop
        }
        DispatchQueue.global().async {
            Task.detached {
                _ = try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 900) // expect: presign-in-loop
            }
        }
    }
}

// Negatives: one task outside a loop; a closure kept in the loop but not run there.
func shareOne(s3: S3Client, key: String) {
    Task {
        _ = try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 900)
    }
}

func handlers(s3: S3Client, keys: [String]) -> [() async throws -> URL] {
    var made: [() async throws -> URL] = []
    for key in keys {
        made.append({ try await s3.presignedURLForGetObject(input: GetObjectInput(bucket: "b", key: key), expiration: 900) })
    }
    return made
}
