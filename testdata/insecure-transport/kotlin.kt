// insecure-transport: aws-sdk-kotlin clients that presign over HTTP.
package com.acme.storage

import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import aws.smithy.kotlin.runtime.net.url.Url
import kotlin.time.Duration.Companion.minutes

suspend fun mediaLink(request: GetObjectRequest): String {
    val s3 = S3Client {
        region = "eu-west-1"
        endpointUrl = Url.parse("http://s3.eu-west-1.amazonaws.com") // expect: insecure-transport@error
    }
    return s3.presignGetObject(request, 15.minutes).url.toString()
}

suspend fun devLink(request: GetObjectRequest): String {
    val s3 = S3Client {
        region = "us-east-1"
        endpointUrl = Url.parse("http://localstack:4566") // expect: insecure-transport@note
    }
    return s3.presignGetObject(request, 5.minutes).url.toString()
}

// Negatives: https endpoint; an http client that does not presign; a client passed in.
suspend fun secureLink(request: GetObjectRequest): String {
    val s3 = S3Client {
        region = "eu-west-1"
        endpointUrl = Url.parse("https://s3.eu-west-1.amazonaws.com")
    }
    return s3.presignGetObject(request, 15.minutes).url.toString()
}

suspend fun listAll() {
    val s3 = S3Client {
        region = "eu-west-1"
        endpointUrl = Url.parse("http://s3.internal:9000")
    }
    s3.listBuckets()
}

suspend fun injected(s3: S3Client, request: GetObjectRequest): String =
    s3.presignGetObject(request, 15.minutes).url.toString()
// endpointUrl = Url.parse("http://example.com") in a comment
