package com.acme.photos

import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.model.PutObjectRequest
import aws.sdk.kotlin.services.s3.presign
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import aws.sdk.kotlin.services.s3.presigners.presignPutObject
import aws.smithy.kotlin.runtime.auth.awssigning.crt.CrtAwsSigner
import aws.smithy.kotlin.runtime.time.Instant
import java.util.Date
import kotlin.time.Duration.Companion.days
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

/** aws-sdk-kotlin presign calls (and Kotlin code using the Java SDKs) over the 1-hour policy. */
class PhotoLinks(private val s3: S3Client, private val presigner: S3Presigner) {

    companion object {
        const val THUMBNAIL_HOURS = 12
        val UPLOAD_WINDOW = 90.minutes
    }

    suspend fun download(keyName: String): String {
        val request = GetObjectRequest {
            bucket = "photos"
            key = keyName
        }
        val presigned = s3.presignGetObject(request, 24.hours) // expect: excessive-expiry
        return presigned.url.toString()
    }

    suspend fun upload(keyName: String) =
        s3.presignPutObject(PutObjectRequest { bucket = "photos"; key = keyName }, UPLOAD_WINDOW) // expect: excessive-expiry

    suspend fun thumbnail(req: GetObjectRequest) =
        s3.presignGetObject(req, duration = THUMBNAIL_HOURS.hours) // expect: excessive-expiry

    // The signer overload with a configuring lambda: the URL says 8 h, usable from +12 h.
    suspend fun delayed(req: GetObjectRequest) = s3.presignGetObject(req, signer = CrtAwsSigner) {
        signingDate = Instant.now() + 12.hours
        expiresAfter = 8.hours // expect: excessive-expiry
    }

    // Older shape: presign on the request itself.
    suspend fun legacy(client: S3Client) =
        GetObjectRequest { bucket = "photos"; key = "a.jpg" }.presign(client.config, 2L.hours) // expect: excessive-expiry

    // Without a receiver, inside `with`.
    suspend fun inScope(req: GetObjectRequest) = with(s3) {
        presignGetObject(req, 1.days + 30.minutes) // expect: excessive-expiry
    }

    // Kotlin using the AWS SDK for Java 2.x and 1.x.
    fun javaSdk(g: software.amazon.awssdk.services.s3.model.GetObjectRequest): String {
        val presignRequest = GetObjectPresignRequest.builder()
            .signatureDuration(java.time.Duration.ofMinutes(1440)) // expect: excessive-expiry
            .getObjectRequest(g)
            .build()
        return presigner.presignGetObject(presignRequest).url().toString()
    }

    fun javaSdkLambda(g: software.amazon.awssdk.services.s3.model.GetObjectRequest) =
        presigner.presignGetObject { it.signatureDuration(java.time.Duration.ofHours(2)).getObjectRequest(g) } // expect: excessive-expiry

    fun javaV1(s3v1: com.amazonaws.services.s3.AmazonS3, key: String) =
        s3v1.generatePresignedUrl("photos", key, Date(System.currentTimeMillis() + 1000L * 60 * 60 * 6)) // expect: excessive-expiry

    // Within policy: silent.
    suspend fun shortLived(req: GetObjectRequest) {
        s3.presignGetObject(req, 15.minutes)
        s3.presignGetObject(req, signer = CrtAwsSigner) { expiresAfter = 1.hours }
    }

    // Dynamic: silent.
    suspend fun dynamic(req: GetObjectRequest, ttl: kotlin.time.Duration, hours: Int) {
        s3.presignGetObject(req, ttl)
        s3.presignGetObject(req, hours.hours)
        s3.presignGetObject(req, "${hours}h".let { kotlin.time.Duration.parse(it) })
    }

    // Traps: long durations that are not presigned URL expiries, and a declaration.
    fun cache() = Caffeine.newBuilder().expireAfterWrite(7.days.toJavaDuration()).build<String, String>()

    fun token(subject: String): String = Jwts.builder()
        .setSubject(subject)
        .setExpiration(Date(System.currentTimeMillis() + 604_800_000))
        .compact()

    fun cookie() = Cookie("remember", "1").apply { maxAge = 604800 }

    suspend fun presignGetObject(key: String, duration: kotlin.time.Duration = 30.days): String = key

    // s3.presignGetObject(req, 30.days) in a comment
    /* s3.presignGetObject(req, 30.days) */
    val note = "s3.presignGetObject(req, 30.days)"

    // A class-level `var` can change anywhere; an accumulation in a loop is not a constant.
    var window = 30.days

    suspend fun fromVar(req: GetObjectRequest) = s3.presignGetObject(req, window)

    suspend fun accumulated(req: GetObjectRequest, n: Int) {
        var ttl = 10.minutes
        for (i in 0 until n) {
            ttl += 1.hours
        }
        s3.presignGetObject(req, ttl)
    }

    // Every element presigned with a short expiry, inside a map lambda.
    suspend fun batch(keys: List<GetObjectRequest>) = keys.map { s3.presignGetObject(it, 5.minutes) }  // expect: presign-in-loop
}
