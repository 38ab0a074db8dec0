// aws-sdk-cpp clients that presign over plain HTTP: `scheme = Aws::Http::Scheme::HTTP`, an
// http:// endpointOverride. `verifySSL = false` governs the SDK's own connections, not the URL.
#include <aws/s3/S3Client.h>

Aws::String Plain(const Aws::String& bucket, const Aws::String& key) {
    Aws::Client::ClientConfiguration config;
    config.region = "eu-west-1";
    config.scheme = Aws::Http::Scheme::HTTP; // expect: insecure-transport
    Aws::S3::S3Client client(config);
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}

Aws::String Endpoint(const Aws::String& bucket, const Aws::String& key) {
    Aws::S3::S3ClientConfiguration config;
    config.region = "eu-west-1";
    config.endpointOverride = "http://storage.internal.example.com"; // expect: insecure-transport
    auto client = Aws::MakeShared<Aws::S3::S3Client>("share", config);
    return client->GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}

// Negatives: HTTPS, and certificate checks off (a bad idea, but the URL stays https://).
Aws::String Secure(const Aws::String& bucket, const Aws::String& key) {
    Aws::Client::ClientConfiguration config;
    config.region = "eu-west-1";
    config.scheme = Aws::Http::Scheme::HTTPS;
    config.verifySSL = false;
    Aws::S3::S3Client client(config);
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
}
