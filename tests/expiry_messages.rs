//! What an expiry finding says beyond the number (issue 15): what a long-lived Azure SAS
//! grants, that a value is the default an option overrides, and a length that is no whole
//! number of days. Driven through the binary's JSON report.

mod common;

use common::{json, run};

/// The messages of the findings on `file` (written into a fresh directory as `name`).
fn messages(name: &str, file: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(name), file).expect("write");
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    json(&out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["message"].as_str().expect("message").to_string())
        .collect()
}

#[test]
fn a_long_lived_sas_says_it_grants_write_and_delete() {
    let file = r#"class P {
  string M(StorageSharedKeyCredential key) {
    var sas = new AccountSasBuilder { Services = AccountSasServices.Blobs, ExpiresOn = DateTimeOffset.UtcNow.AddHours(5) };
    AccountSasPermissions permissions = AccountSasPermissions.Read | AccountSasPermissions.Write | AccountSasPermissions.Delete;
    sas.SetPermissions(permissions);
    return sas.ToSasQueryParameters(key).ToString();
  }
  Uri N(BlobClient blob) => blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(5));
}
"#;
    let found = messages("sas.cs", file);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("the SAS grants write and delete"),
        "{}",
        found[0]
    );
    assert!(!found[1].contains("grants"), "{}", found[1]);
}

#[test]
fn a_default_an_option_overrides_is_reported_as_the_default() {
    let file = "package p\n\nimport (\n\t\"time\"\n\n\t\"github.com/aws/aws-sdk-go-v2/service/s3\"\n)\n\nfunc Sign(p *s3.PresignClient, in *s3.GetObjectInput, opts Options) {\n\texpiry := 7 * 24 * time.Hour\n\tif opts.Expiry > 0 {\n\t\texpiry = opts.Expiry\n\t}\n\tp.PresignGetObject(ctx, in, s3.WithPresignExpires(expiry))\n}\n";
    let found = messages("sign.go", file);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("the default of option `opts.Expiry`, used when it is not set"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("7 days (604800 s)"), "{}", found[0]);
}

#[test]
fn an_activesupport_year_reads_as_about_365_days() {
    let file = "class Image\n  def cached\n    update(image_url: image.url(expires_in: 1.year))\n  end\nend\n";
    let found = messages("image.rb", file);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("about 365 days (31556952 s)"),
        "{}",
        found[0]
    );
}
