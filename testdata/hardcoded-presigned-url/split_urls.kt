object Fixtures {
    const val REPORT_URL = "https://acme-exports.s3.amazonaws.com/kt/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" + // expect: hardcoded-presigned-url
        "&X-Amz-Credential=AKIAAKTHVP4E54KYAEZ6%2F20240115%2Fus-east-1%2Fs3%2Faws4_request" +
        "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host" +
        "&X-Amz-Signature=719972597a24c9bd4c21" +
        "f56ade857412aafe1f9dd5ef020368feb611d94be864"

    // A string template: the signature is a variable.
    fun build(host: String, sig: String) = "https://$host/kt/tpl.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
        "&X-Amz-Signature=$sig"
}
