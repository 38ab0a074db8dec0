// aws-sdk-swift static credentials in source.
import AWSSDKIdentity

func resolver() throws -> StaticAWSCredentialIdentityResolver {
    let identity = AWSCredentialIdentity(accessKey: "AKIAQ7XK2M4PZR5TWN3B", secret: "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") // expect: hardcoded-credentials
    return StaticAWSCredentialIdentityResolver(identity)
}

// Negative: from the environment.
func fromEnvironment() -> AWSCredentialIdentity {
    let env = ProcessInfo.processInfo.environment
    return AWSCredentialIdentity(accessKey: env["AWS_ACCESS_KEY_ID"] ?? "", secret: env["AWS_SECRET_ACCESS_KEY"] ?? "")
}
