// Defaults behind a lookup (issue 14, item 7).
import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlin.time.Duration.Companion.seconds

suspend fun elvis(s3: S3Client, req: GetObjectRequest) =
    s3.presignGetObject(req, (System.getenv("URL_TTL")?.toLongOrNull() ?: 86400L).seconds) // expect: excessive-expiry

suspend fun elvisString(s3: S3Client, req: GetObjectRequest) =
    s3.presignGetObject(req, (System.getenv("URL_TTL") ?: "7200").toLong().seconds) // expect: excessive-expiry

// --- Traps: all silent. ---

suspend fun short(s3: S3Client, req: GetObjectRequest) =
    s3.presignGetObject(req, (System.getenv("URL_TTL")?.toLongOrNull() ?: 900L).seconds)
