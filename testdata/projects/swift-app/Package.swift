// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "swift-app",
    dependencies: [.package(url: "https://github.com/awslabs/aws-sdk-swift", from: "1.0.0")],
    targets: [.executableTarget(name: "App", dependencies: [.product(name: "AWSS3", package: "aws-sdk-swift")])]
)
