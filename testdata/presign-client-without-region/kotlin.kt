// presign-client-without-region: aws-sdk-kotlin.
package com.acme.links

import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlin.time.Duration.Companion.minutes

suspend fun noRegion(request: GetObjectRequest): String {
    val s3 = S3Client { forcePathStyle = true } // expect: presign-client-without-region
    return s3.presignGetObject(request, 15.minutes).url.toString()
}

// Negatives: a region in the block, the environment chosen explicitly, a client passed in.
suspend fun regional(request: GetObjectRequest): String {
    val s3 = S3Client { region = "eu-west-1" }
    return s3.presignGetObject(request, 15.minutes).url.toString()
}

suspend fun fromEnv(request: GetObjectRequest): String {
    val s3 = S3Client.fromEnvironment()
    return s3.presignGetObject(request, 15.minutes).url.toString()
}

suspend fun injected(s3: S3Client, request: GetObjectRequest): String =
    s3.presignGetObject(request, 15.minutes).url.toString()
