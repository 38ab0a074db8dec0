// aws-sdk-cpp static credentials written in the code.
#include <aws/core/auth/AWSCredentials.h>
#include <aws/core/auth/AWSCredentialsProvider.h>
#include <aws/s3/S3Client.h>

Aws::S3::S3Client MakeClient(const Aws::Client::ClientConfiguration& config) {
    Aws::Auth::AWSCredentials credentials("AKIAZ7Q3MXR2VHN4KJ5T", "Qm3vR8tK2pZx9LwN4cYh7JfB1sD6gE0aU5iO3nTq"); // expect: hardcoded-credentials
    return Aws::S3::S3Client(credentials, nullptr, config);
}

auto provider = Aws::MakeShared<Aws::Auth::SimpleAWSCredentialsProvider>("tag", "AKIAW4H7KD2NQ5PZ3XRB", "f8Lk2Qw9Zr4Tn6Vb1Mx3Cy7Hs5Jd0Pg2Ua8Ke4Ro"); // expect: hardcoded-credentials

// Negatives: documentation placeholders, values from the environment.
Aws::Auth::AWSCredentials example("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
Aws::Auth::AWSCredentials fromEnv(std::getenv("AWS_ACCESS_KEY_ID"), std::getenv("AWS_SECRET_ACCESS_KEY"));
