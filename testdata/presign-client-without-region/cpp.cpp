// aws-sdk-cpp clients that presign without a region in the file.
#include <aws/s3/S3Client.h>

Aws::String NoRegion(const Aws::String& bucket, const Aws::String& key) {
    Aws::Client::ClientConfiguration config;
    Aws::S3::S3Client client(config); // expect: presign-client-without-region
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}

Aws::String Default(const Aws::String& bucket, const Aws::String& key) {
    auto client = std::make_shared<Aws::S3::S3Client>(); // expect: presign-client-without-region
    return client->GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}

// Negatives: a region set, a configuration passed in, an S3-compatible endpoint.
Aws::String WithRegion(const Aws::String& bucket, const Aws::String& key) {
    Aws::Client::ClientConfiguration config;
    config.region = Aws::Region::EU_WEST_1;
    Aws::S3::S3Client client(config);
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}

Aws::String Injected(const Aws::Client::ClientConfiguration& config, const Aws::String& bucket, const Aws::String& key) {
    Aws::S3::S3Client client(config);
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}

Aws::String Minio(const Aws::String& bucket, const Aws::String& key) {
    Aws::Client::ClientConfiguration config;
    config.endpointOverride = "https://minio.internal.example.com:9000";
    Aws::S3::S3Client client(config);
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}
