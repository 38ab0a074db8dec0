package com.acme.users

import com.acme.storage.S3Links
import java.time.Duration

class Avatars {
    private val s3 = S3Links()

    fun url(userId: String): String {
        return s3.presignWithRetry("avatars/$userId.png", Duration.ofMinutes(15))
    }
}
