package com.acme.downloads

import com.acme.storage.PresignRequests
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.presigner.S3Presigner

class Downloads {
    private val presigner = S3Presigner.builder().region(Region.EU_WEST_1).build()

    fun downloadLink(key: String): String {
        val request = PresignRequests.download("exports", key)
        return presigner.presignGetObject(request).url().toString()
    }

    fun previewLink(key: String): String =
        presigner.presignGetObject(PresignRequests.preview("exports", key)).url().toString()
}
