package mirror_test

import (
	"net/url"
	"testing"
)

// Objects the mirror copied during the incident of 2024-01-15, as its log printed them.
var copied = map[string]string{
	"oss":  "https://acme-media-cn.oss-cn-beijing.aliyuncs.com/thumbs/8841.webp?OSSAccessKeyId=LTAI5txiHhNv7KVtxUKTQoc7&Expires=1705317300&Signature=sTq%2F%2B1l50gf3ex1q9kl%2BIDfAsDw%3D", // expect: hardcoded-presigned-url
	"cos":  "https://acme-thumbs-1250000000.cos.ap-shanghai.myqcloud.com/thumbs/8841.webp?q-sign-algorithm=sha1&q-ak=AKIDVZYvb1ZKWm9FKMOI6XFwBzurLfYn4qlx&q-sign-time=1705313700%3B1705317300&q-key-time=1705313700%3B1705317300&q-header-list=host&q-url-param-list=&q-signature=4aa57dc69811862b09cc39b8e7e477e527dc7bb2", // expect: hardcoded-presigned-url
	"obs":  "https://acme-thumbs.obs.ap-southeast-1.myhuaweicloud.com/thumbs/8841.webp?AccessKeyId=N1IAOD2BX6MDHBCXGY7L&Expires=1705317300&Signature=KgaNE2JZFERF2csncdS4ehLQRL0%3D&x-obs-security-token=gQpjbi1ub3J0aC00RtrKvlyVcuiTddVNi5b8aGFG3fq%2FbheeK2pWMR", // expect: hardcoded-presigned-url
	"kodo": "https://acme-thumbs.qiniucdn.example.com/thumbs/8841.webp?e=1705317300&token=Zs46hsGgJX9VHoKbvaW2Mvrn9CJzGH-D99TEkGuJ%3ASg78wO_jDmrMiAU7ckzThgO5R-c=", // expect: hardcoded-presigned-url
}

// The OSS V4 link, written in pieces to keep the line short.
const ossV4 = "https://acme-media-cn.oss-cn-beijing.aliyuncs.com/thumbs/8842.webp" + // expect: hardcoded-presigned-url
	"?x-oss-signature-version=OSS4-HMAC-SHA256" +
	"&x-oss-credential=LTAI5txiHhNv7KVtxUKTQoc7%2F20240115%2Fcn-beijing%2Foss%2Faliyun_v4_request" +
	"&x-oss-date=20240115T101500Z&x-oss-expires=86400" +
	"&x-oss-signature=efa1f36177522010c3bdceabed183c6ecad4247e0e569358285aa21b66faa0e3"

func TestCopiedLinksParse(t *testing.T) {
	for name, raw := range copied {
		if _, err := url.Parse(raw); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if _, err := url.Parse(ossV4); err != nil {
		t.Fatal(err)
	}
}
