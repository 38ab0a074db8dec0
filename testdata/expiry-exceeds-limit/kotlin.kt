package com.acme.archive

import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlin.time.Duration.Companion.days
import kotlin.time.Duration.Companion.hours

/** Expiries S3 rejects: SigV4 presigned URLs valid longer than 7 days. */
object ArchiveLinks {
    private val THIRTY_DAYS = 30.days

    suspend fun month(s3: S3Client, req: GetObjectRequest) =
        s3.presignGetObject(req, THIRTY_DAYS) // expect: expiry-exceeds-limit

    suspend fun lambda(s3: S3Client, req: GetObjectRequest) =
        s3.presignGetObject(req) {
            expiresAfter = 8.days // expect: expiry-exceeds-limit
        }

    suspend fun hours(s3: S3Client, req: GetObjectRequest) =
        s3.presignGetObject(req, (7 * 24 + 1).hours) // expect: expiry-exceeds-limit

    suspend fun exactlyAWeek(s3: S3Client, req: GetObjectRequest) =
        s3.presignGetObject(req, 7.days) // expect: excessive-expiry
}
