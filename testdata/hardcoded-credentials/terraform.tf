# The AWS provider with static keys in its block.
provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAWYUHVAUVZHMASQXE" # expect: hardcoded-credentials
  secret_key = "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"
}

# Negatives: variables and the default chain.
provider "aws" {
  alias      = "staging"
  access_key = var.staging_access_key
  secret_key = var.staging_secret_key
}

provider "aws" {
  alias   = "prod"
  profile = "prod"
}
