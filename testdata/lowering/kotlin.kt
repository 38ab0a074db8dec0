package com.acme.links

import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlin.time.Duration.Companion.minutes

object Links {
    val TTL = 15.minutes
}

suspend fun share(client: S3Client, key: String, ttl: kotlin.time.Duration = Links.TTL): String {
    val request = GetObjectRequest {
        bucket = "media"
        this.key = key
    }
    return client.presignGetObject(request, ttl).url.toString()
}

fun names(keys: List<String>): List<String> {
    var count = 0
    while (count < keys.size) {
        count += 1
    }
    keys.forEach { println(it.length) }
    return keys.map { it.trim() }
}
