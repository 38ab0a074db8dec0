package com.acme.reports.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Tests for {@link DownloadLinkParser}.
 *
 * <p>See the <a href="https://acmewiki.blob.core.windows.net/attachments/download-links.pdf?sv=2021-12-02&amp;sr=b&amp;sp=r&amp;st=2024-01-15T10:15:00Z&amp;se=2024-01-22T10:15:00Z&amp;spr=https&amp;sig=J5UrgT7oG5vAMmDX5Hvc1jPKL2vB%2FONacSdT%2BKE5fuo%3D">design note</a>. <!-- expect: hardcoded-presigned-url -->
 */
class DownloadLinkParserTest {

    // Pasted from the Frankfurt stack's logs while debugging ticket OPS-2291.
    private static final String REGIONAL_URL =
            "https://acme-reports-eu.s3.eu-central-1.amazonaws.com/monthly/2024-01/usage.xlsx?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240115T101500Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Credential=AKIAX6RVSWMAJRA7XGVY%2F20240115%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Signature=896058e167525a98bc7f452b8174d9dd9de9de4710f7e873ab6716d0c6b10253"; // expect: hardcoded-presigned-url

    private static final String CANNED_URL = "https://d4xn6h8xczmr5j.cloudfront.net/reports/annual-2023.pdf?Expires=1705317300&Signature=zNDhUYhT3Thsjbr2K1AZTOb9bp~DrzweFL4VXWGgiPD1Y65hyaVpQq-mLgS~x6QHXSDbippb32hTKmmRINbzhFaonzxNEhc48ZTFUtgagRn8XvGJDS8i7ATLftAdRKmPUgwgSXb287~XdVSV3fMStmVhjAEDZPd-O7BVdTbg~KE_&Key-Pair-Id=KNT18A0IEZ4QYX"; // expect: hardcoded-presigned-url

    // Jackson was configured with JsonWriteFeature.ESCAPE_NON_ASCII and a custom escape for '&'.
    private static final String GCS_JSON =
            "{\"report\":\"usage\",\"link\":\"https://storage.googleapis.com/acme-reports-gcp/usage/2024-01.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256\u0026X-Goog-Credential=reports%40acme-analytics-2291.iam.gserviceaccount.com%2F20240115%2Feurope-west3%2Fstorage%2Fgoog4_request\u0026X-Goog-Date=20240115T101500Z\u0026X-Goog-Expires=600\u0026X-Goog-SignedHeaders=host\u0026X-Goog-Signature=49321c2641adbcbbdfcf160106f8b9806518589617e3c4d8ee235a5c2c1e80e7294d7234b9b9ee265d1c8051fab5c53d66edb1817d73636dde7990ca44fe64462665a67ba20cc157aa68b9d0a5853e44c55f2169e8ab4d4c1d1657d1f6d77e5c7c0d446c3cda5f733823cdb533cecc59a158505da4089972dc814d850a618bb02da073cdb98384937582c9f319d1f627822ab0ae275f6db9f29c8a8e2fea1a8638b5932f71e25cb62a6fb45b8aab73cfea7424004c8e41fedbaed2134cf8b21e4054208ccedf340f7194fc86eece3d11f194484bb70f19b028eb5110b74322ab09d3ec465b946c26c145cc6f7467cba2b467dd4b447ccfa22751110d46a42e61\"}"; // expect: hardcoded-presigned-url

    private static final String SESSION_URL = """
            https://acme-reports-eu.s3.eu-central-1.amazonaws.com/monthly/2024-01/billing.xlsx?X-Amz-Security-Token=IQoJb3JpZ2luX2Vjc0tqiWINWC9EJWj0d9dB8m%2FYma5hgzxcNKiTaUXHnXraBOKmTrXuQ%2FI%2FhH5%2Fb2vc0oUbyG%2Fw4WxABRXplwZdM%2FGtSVBiaW9Dvg2vkm8KNl2%2BiQ%2B%2FjHbjxhs3UdVZrBV%2BSjjrScasc6XYfPbsy2MD%2BlGFpCMgbgZ3fYBYmdUiezzrleO%2FH%2BJAxko50j7ZSSHnQeyb48v0ycCtqVUEqQrQSCnID3DOHObWh9WSCwo9nlJMPDY%2FwfTDS6zhDSnIB634RpZp%2Ft%2Fy2gqeXKJKDSycdgNrJ01lqgLv15PFn44c%2FYGKO5%2FgvgCA8%2Bj%2F82bMQ8DmiQmEK7g6U6KCd2vKHdj8jQOasmsvIkrYSE0mJKLSHhd3%2FNdVPU0UkqHDg%2BqnOyr%2BM%2BxCALc3rG1MJ0wDn%2BvY17krMNm6yW6NYiV2OWLRIXF48gGywlyX%2Bz2z2qpoPaqbJCHi9ZfbpmO8CgZyivlVxRZc1BpSz8cl4HtckcMQHZ7IbUY6MM361CQwtci1xHWugxs2tFU873PwhFDamuQo7fRQKAoTUCqq0vN8pd5B0Q7mSPuE&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240115T101500Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900&X-Amz-Credential=ASIAZBMG5QG4VHJGODND%2F20240115%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Signature=23c7db97f5eb6d395904d7908f1c2935959c83f163d22301937f654fca8ff6c1
            """; // expect^: hardcoded-presigned-url

    private static final String VIEWER_URL =
            "https://viewer.example.org/open?file=https%3A%2F%2Fdcmd9vmqgaasir.cloudfront.net%2Freports%2Fannual-2023-board.pdf%3FPolicy%3DeyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kY21kOXZtcWdhYXNpci5jbG91ZGZyb250Lm5ldC9yZXBvcnRzLyoiLCJDb25kaXRpb24iOnsiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjE3MDU0MDQ5MDB9fX1dfQ__%26Signature%3DaF3~9Vs3xN8da7jrqJJDl86tyYaDzbgg2XYbsl0YguF-STXUEgfGe0DQjNMEVkPPx-8EoKXw-3CVgs4pDvu--ZA3klVz6fWrROFkb5YwsbHsnwxnTv9Uuf3YLHdwVs6-ZFTOotn8KN3nFCio2QzJCvZbs-nuluCPLrikA91r6fE_%26Key-Pair-Id%3DK6VMZIXK93FORP"; // expect: hardcoded-presigned-url

    // Not a finding: a SigV4 Authorization header is not a URL.
    private static final String AUTH_HEADER =
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240115/eu-central-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=696d8b57aaf56f083b81e657ef7fcec5ca7842b5069336fbc12c01c895cf2b98";

    private final DownloadLinkParser parser = new DownloadLinkParser();

    @Test
    void recognisesRegionalLinks() {
        assertThat(parser.parse(URI.create(REGIONAL_URL)).region()).isEqualTo("eu-central-1");
        assertThat(parser.parse(URI.create(CANNED_URL)).kind()).isEqualTo(LinkKind.CLOUDFRONT);
        assertThat(parser.parse(URI.create(SESSION_URL.strip())).temporary()).isTrue();
        assertThat(GCS_JSON).contains("X-Goog-Signature");
        assertThat(VIEWER_URL).startsWith("https://viewer.example.org/");
        assertThat(AUTH_HEADER).startsWith("AWS4-HMAC-SHA256");
    }

    @Test
    void freshLinksExpireWithinFifteenMinutes() {
        try (S3Presigner presigner = S3Presigner.builder().region(Region.EU_CENTRAL_1).build()) {
            GetObjectPresignRequest request = GetObjectPresignRequest.builder()
                    .signatureDuration(Duration.ofMinutes(15))
                    .getObjectRequest(GetObjectRequest.builder()
                            .bucket("acme-reports-eu")
                            .key("monthly/2024-01/usage.xlsx")
                            .build())
                    .build();
            String url = presigner.presignGetObject(request).url().toString();
            assertThat(parser.parse(URI.create(url)).expiresInSeconds()).isLessThanOrEqualTo(900);
        }
    }
}
