// A command-line program (a main) prints the presigned URL for the person who runs it: not a
// log. Its log macros still are.
#include <aws/core/Aws.h>
#include <aws/s3/S3Client.h>
#include <iostream>

int main(int argc, char** argv) {
    Aws::SDKOptions options;
    Aws::InitAPI(options);
    {
        Aws::Client::ClientConfiguration config;
        config.region = "eu-west-1";
        Aws::S3::S3Client client(config);
        Aws::String url = client.GeneratePresignedUrl(argv[1], argv[2], Aws::Http::HttpMethod::HTTP_GET, 900);
        std::cout << "Presigned URL:\n" << url << std::endl;
        AWS_LOGSTREAM_DEBUG("cli", "url " << url); // expect: presigned-url-logged
    }
    Aws::ShutdownAPI(options);
    return 0;
}
