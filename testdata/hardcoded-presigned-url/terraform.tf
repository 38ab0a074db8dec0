terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.30"
    }
  }
}

variable "environment" {
  type    = string
  default = "staging"
}

variable "bootstrap_archive_url" {
  description = "Where the agent bootstrap archive is downloaded from."
  type        = string
  # Temporary: replace with a presign step in the pipeline.
  default = "https://storage.googleapis.com/acme-bootstrap/agent/bootstrap-1.9.3.tar.gz?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=bootstrap-reader%40acme-infra-3307.iam.gserviceaccount.com%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240115T101500Z&X-Goog-Expires=3600&X-Goog-SignedHeaders=host&X-Goog-Signature=d514965d3380581b52d04ac68740ef0f30a429a213722ad22148e8f2498128fba8e81bf3769f4566dd3ca1092f64decff9de3d3d198b41b6c4e780b689cf03c68831bfa3ede67e11d71f2881e6668267668eb85b38e114fbf5b6f1119643a5239348d19bb3eb5c2c15f3f586a240527a34e957b8ededa2e9ba76aa2733ed28fc6ffd34dc4c5a1596d457ebc38352211b822a1085c14d2a29abf181b5fdcde4c06feb2672463e8c347e69aad3d67b68d73d6e7ebd565a0c9ee05eabe6e43d501489c99cfaa16be5a8508e9a238014cfb3dbcc87900eb2108a1dc14275cdf79e94ced78233c400af984c7c9f68498c4b0f20a1db4b84c0534863c442274733b37d" # expect: hardcoded-presigned-url
}

locals {
  dashboards_seed = "https://acmeinfraseeds.blob.core.windows.net/grafana/dashboards-2024-01.json?sv=2022-11-02&sr=b&sp=r&st=2024-01-15T10:15:00Z&se=2024-01-15T14:15:00Z&spr=https&sig=TDrQ0KjYSbr8DclqcI4oEpl%2Bh8M5g6zgwwy7gLfHi6M%3D" // expect: hardcoded-presigned-url
  status_page     = "https://status.example.org/incidents?attachment=https%3A%2F%2Fs3.amazonaws.com%2Facme-infra-reports%2Fincidents%2F2024-01-15%2Fpostmortem.pdf%3FX-Amz-Algorithm%3DAWS4-HMAC-SHA256%26X-Amz-Credential%3DAKIA72RYCFBEH6QWL3L7%252F20240115%252Fus-east-1%252Fs3%252Faws4_request%26X-Amz-Date%3D20240115T101500Z%26X-Amz-Expires%3D3600%26X-Amz-SignedHeaders%3Dhost%26X-Amz-Signature%3D17cf0027c21ab618de832571412a111900c1b9ab77aad18be6767379ca37667b" # expect: hardcoded-presigned-url
  public_logo     = "https://acme-public-assets.s3.amazonaws.com/brand/logo.png"
}

resource "aws_instance" "build_agent" {
  ami           = "ami-0c7217cdde317cfec"
  instance_type = "t3.large"

  user_data = <<-EOT
    #!/bin/bash
    set -euo pipefail
    curl -fsSL -o /tmp/agent.tar.gz 'https://acme-build-tools.s3.amazonaws.com/agent/agent-1.9.3-linux-amd64.tar.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAHA3JSZ33FN5KNYBT%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=d8adc6b1e17e82e5d86067e2099a2cbaf087c1d2474c155aef6ec647813f815e'
    # expect^: hardcoded-presigned-url
    tar -xzf /tmp/agent.tar.gz -C /opt
    /opt/agent/install.sh --environment ${var.environment}
  EOT

  tags = {
    Name = "build-agent-${var.environment}"
  }
}

resource "aws_lambda_function" "thumbnailer" {
  function_name = "thumbnailer-${var.environment}"
  role          = "arn:aws:iam::123456789012:role/thumbnailer"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "thumbnailer.zip"

  environment {
    variables = {
      WATERMARK_URL   = "https://dmo72ik0311ucg.cloudfront.net/brand/watermark.png?Expires=1705320900&Signature=Gf8VvY1OlINf9C6brkMTCENXD0fANW57zhis0nryp770JI2qY17bCTRXWRv1RJdM9J6XfJ~HfVB7T6xrukR24h~yTPXmR5ufq6dOTT~n-cjVbMpt5aYKoGLxH6HWZQKwLDXhLqKdSkBi9aaNfO5S85mKWTzByVzdZhzEhWjE1S8_&Key-Pair-Id=KWVWKS7CK7AEUL" # expect: hardcoded-presigned-url
      FONT_BUNDLE_URL = "https://acme-build-tools.s3.eu-west-1.amazonaws.com/fonts/inter-4.0.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIALRG7BCAD2JNOUCRB%2F20240115%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=8696e5f46c8afd200f061e891c5b3c9a7f4b7df184537c8833d6384cc00d8166" # expect: hardcoded-presigned-url
      OUTPUT_BUCKET   = "acme-thumbnails-${var.environment}"
      # Not a finding: filled in at deploy time.
      TEMPLATE_URL = "https://acme-build-tools.s3.amazonaws.com/templates/thumb.json?X-Amz-Signature=$${SIGNATURE}"
    }
  }
}

resource "aws_ssm_parameter" "welcome_page" {
  name  = "/${var.environment}/web/welcome-html"
  type  = "String"
  value = <<-HTML
    <a href="https://acme-welcome-assets.s3-accelerate.amazonaws.com/guides/welcome.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIATA7J47HD7W3YNSXZ%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&amp;X-Amz-Date=20240115T101500Z&amp;X-Amz-Expires=3600&amp;X-Amz-SignedHeaders=host&amp;X-Amz-Signature=7cce8452cbb9362f7034656f657c651d23680a507af8b9c4875edd26c56ccc93">Welcome guide</a>
    <!-- expect^: hardcoded-presigned-url -->
  HTML
}
