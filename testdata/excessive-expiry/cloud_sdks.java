// Azure SAS, GCS, MinIO, Aliyun OSS and Spring Cloud AWS in Java (issue 15).
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.awspring.cloud.s3.S3Template;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.PostPolicy;
import io.minio.http.Method;
import java.net.URL;
import java.time.ZonedDateTime;
import java.util.Map;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.concurrent.TimeUnit;

class CloudSdks {
    String azure(BlobClient blobClient) {
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(OffsetDateTime.now().plusDays(7), new BlobSasPermission().setReadPermission(true)); // expect: excessive-expiry
        return blobClient.generateSas(values);
    }

    String azureSetter(BlobClient blobClient) {
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues().setExpiryTime(OffsetDateTime.now().plusHours(5)); // expect: excessive-expiry
        return blobClient.generateSas(values);
    }

    AccountSasSignatureValues azureAccount() {
        return new AccountSasSignatureValues(OffsetDateTime.now().plusYears(1), permissions, services, resourceTypes); // expect: excessive-expiry
    }

    String azureShort(BlobClient blobClient) {
        return blobClient.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusMinutes(15), new BlobSasPermission().setReadPermission(true)));
    }

    URL gcsV4(Storage storage, BlobInfo blobInfo) {
        return storage.signUrl(blobInfo, 14, TimeUnit.DAYS, Storage.SignUrlOption.withV4Signature()); // expect: expiry-exceeds-limit
    }

    URL gcsV2(Storage storage, BlobInfo blobInfo) {
        return storage.signUrl(blobInfo, 2, TimeUnit.HOURS); // expect: excessive-expiry
    }

    URL gcsShort(Storage storage, BlobInfo blobInfo) {
        return storage.signUrl(blobInfo, 15, TimeUnit.MINUTES, Storage.SignUrlOption.withV4Signature());
    }

    String minio(MinioClient minioClient) throws Exception {
        return minioClient.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket("b").object("o").expiry(2, TimeUnit.DAYS).build()); // expect: excessive-expiry
    }

    Map<String, String> minioPostPolicy(MinioClient minioClient) throws Exception {
        PostPolicy policy = new PostPolicy("uploads", ZonedDateTime.now().plusDays(2)); // expect: excessive-expiry
        return minioClient.getPresignedPostFormData(policy);
    }

    Map<String, String> minioPostPolicyShort(MinioClient minioClient) throws Exception {
        return minioClient.getPresignedPostFormData(new PostPolicy("uploads", ZonedDateTime.now().plusMinutes(15)));
    }

    String minioDefault(MinioClient minioClient) throws Exception {
        return minioClient.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket("b").object("o").build()); // expect: excessive-expiry
    }

    String minioSeconds(MinioClient minioClient) throws Exception {
        GetPresignedObjectUrlArgs args = GetPresignedObjectUrlArgs.builder().method(Method.PUT).bucket("b").object("o").expiry(60 * 60 * 24 * 8).build(); // expect: expiry-exceeds-limit
        return minioClient.getPresignedObjectUrl(args);
    }

    URL spring(S3Template s3Template) {
        return s3Template.createSignedGetURL("b", "k", Duration.ofDays(2)); // expect: excessive-expiry
    }

    URL springPut(S3Template s3Template) {
        return s3Template.createSignedPutURL("b", "k", Duration.ofDays(10)); // expect: expiry-exceeds-limit
    }

    URL oss(OSS ossClient) {
        Date expiration = new Date(new Date().getTime() + 3600L * 1000 * 24 * 365 * 10);
        return ossClient.generatePresignedUrl("b", "k", expiration); // expect: excessive-expiry
    }

    URL cos(COSClient cosClient) {
        Date expiration = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
        return cosClient.generatePresignedUrl("b-125", "k", expiration, HttpMethodName.GET); // expect: excessive-expiry
    }

    String qiniu(Auth auth, String baseUrl) {
        return auth.privateDownloadUrl(baseUrl, 3600 * 24 * 365); // expect: excessive-expiry
    }

    // Traps: a cache entry counted in a TimeUnit, a subscription's OffsetDateTime.
    void traps(Cache cache, Subscription subscription) {
        cache.put("k", "v", 7, TimeUnit.DAYS);
        subscription.setExpiryTime(OffsetDateTime.now().plusDays(30));
    }
}
