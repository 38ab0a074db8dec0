class Fixtures {
    static final String REPORT_URL = "https://acme-exports.s3.amazonaws.com/java/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" // expect: hardcoded-presigned-url
            + "&X-Amz-Credential=AKIAU3AWZSNMTGRKMOID%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=f6dabfc343c1223a0ab5"
            + "63563a1a8a8d00da997ae9d48f846dc34e0e514a8898";

    static String build(String host, String sig) {
        return "https://" + host + "/java/other.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Signature=" + sig;
    }
}
