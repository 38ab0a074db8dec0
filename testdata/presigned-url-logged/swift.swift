// aws-sdk-swift presigned URLs written to logs: print, NSLog, os_log, a Logger.
import AWSS3
import Foundation
import os

func share(s3: S3Client, input: GetObjectInput) async throws -> URL {
    let logger = Logger(subsystem: "app", category: "links")
    let url = try await s3.presignedURLForGetObject(input: input, expiration: 300)
    print("presigned: \(url)") // expect: presigned-url-logged
    NSLog("url %@", url.absoluteString) // expect: presigned-url-logged
    logger.info("link \(url.absoluteString, privacy: .public)") // expect: presigned-url-logged
    Logger().debug("\(url)") // expect: presigned-url-logged
    // Negative: the key, not the URL.
    logger.info("signed \(input.key ?? "")")
    return url
}
