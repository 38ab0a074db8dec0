package exports

// reportURL was pasted from a ticket, split to keep the line short.
const reportURL = "https://acme-exports.s3.amazonaws.com/go/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" + // expect: hardcoded-presigned-url
	"&X-Amz-Credential=AKIAI6YRJNMB4HCLW2SP%2F20240115%2Fus-east-1%2Fs3%2Faws4_request" +
	"&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host" +
	"&X-Amz-Signature=2ea874bebfa300e8fec7321535d63cfdaae5e5702b98f867c3fe367335ec9cdb"

// Raw string literals join the same way.
var rawURL = `https://acme-exports.s3.amazonaws.com/go/raw.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256` + // expect: hardcoded-presigned-url
	`&X-Amz-Credential=AKIAGZKZRCBEQVQFJWYB%2F20240115%2Fus-east-1%2Fs3%2Faws4_request` +
	`&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host` +
	`&X-Amz-Signature=a56a583ec1fc0c078237` +
	`dfde984babe9700731185f9e37c62286906dce227823`

// Built at run time: not a finding.
func build(host, sig string) string {
	return "https://" + host + "/go/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
		"&X-Amz-Signature=" + sig
}
