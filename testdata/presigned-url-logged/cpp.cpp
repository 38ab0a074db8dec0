// aws-sdk-cpp presigned URLs written to logs (AWS_LOGSTREAM_*, spdlog, a logger) and to the
// standard streams of a library (no main: its output goes wherever the service sends it).
#include <aws/core/utils/logging/LogMacros.h>
#include <aws/s3/S3Client.h>
#include <spdlog/spdlog.h>
#include <cstdio>
#include <iostream>

Aws::String Share(Aws::S3::S3Client& client, const Aws::String& bucket, const Aws::String& key) {
    Aws::String url = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900);
    AWS_LOGSTREAM_INFO("share", "presigned " << url); // expect: presigned-url-logged
    spdlog::info("presigned {}", url); // expect: presigned-url-logged
    logger->debug("presigned {}", url); // expect: presigned-url-logged
    std::cerr << "presigned: " << url << std::endl; // expect: presigned-url-logged
    printf("presigned %s\n", url.c_str()); // expect: presigned-url-logged
    fprintf(stderr, "presigned %s\n", url.c_str()); // expect: presigned-url-logged
    LOG(INFO) << "presigned " << url; // expect: presigned-url-logged
    VLOG(2) << url; // expect: presigned-url-logged
    LOG_IF(WARNING, url.empty()) << "presigned: " << url; // expect: presigned-url-logged
    BOOST_LOG_TRIVIAL(info) << "presigned " << url; // expect: presigned-url-logged
    qDebug() << "presigned" << url; // expect: presigned-url-logged
    // Negatives: the key, the length, a stream that is not a standard one.
    AWS_LOGSTREAM_INFO("share", "presigned " << key);
    spdlog::info("presigned a URL of {} bytes", url.size());
    file << url;
    LOG(INFO) << "presigned a URL for " << key;
    std::string copy = Format(url) << 2;
    stream_for(url) << key;
    return url;
}
