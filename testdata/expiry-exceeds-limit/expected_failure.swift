// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
import AWSS3
import XCTest

final class PresignLimitTests: XCTestCase {
    func testRejectsEightDays() async throws {
        let s3 = try await S3Client(config: S3Client.S3ClientConfiguration(region: "us-east-1"))
        let input = GetObjectInput(bucket: "b", key: "k")
        await XCTAssertThrowsError(try await s3.presignedURLForGetObject(input: input, expiration: 60 * 60 * 24 * 8))
        let url = try await s3.presignedURLForGetObject(input: input, expiration: 60 * 60 * 24 * 8) // expect: expiry-exceeds-limit
        XCTAssertNotNil(url)
    }
}
