// legacy-signature-version: the AWS SDK for Java 1.x from Kotlin.
package com.acme.storage

import com.amazonaws.ClientConfiguration

fun legacy(): ClientConfiguration {
    val cc = ClientConfiguration()
    cc.setSignerOverride("S3SignerType") // expect: legacy-signature-version
    return cc
}

// Negatives: SigV4, and aws-sdk-kotlin, which has no SigV2.
fun v4(): ClientConfiguration = ClientConfiguration().withSignerOverride("AWSS3V4SignerType")
// cc.setSignerOverride("S3SignerType")
