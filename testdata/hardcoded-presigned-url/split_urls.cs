public static class Fixtures
{
    public const string ReportUrl = "https://acme-exports.s3.amazonaws.com/cs/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" // expect: hardcoded-presigned-url
        + "&X-Amz-Credential=AKIAH2QDXHV5IHUMW3JV%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=699340810f7ad849a5b3"
        + "36de599d2892c2ff8279b189aad2ee1952f08cb5bf53";

    public const string SasUrl = @"https://acmecsstore.blob.core.windows.net/c/verbatim.csv?sv=2022-11-02&sr=b&sp=r" + // expect: hardcoded-presigned-url
        @"&st=2024-01-15T10:15:00Z&se=2024-01-16T10:15:00Z&spr=https" +
        @"&sig=HjxCdZq0TPXid%2BQFm8vD4nxZLNDmoi1M5%2BApPSqZTZA%3D";

    public static string Build(string host, string sig) =>
        $"https://{host}/cs/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
        $"&X-Amz-Signature={sig}";
}
