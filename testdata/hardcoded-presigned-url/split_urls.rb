# frozen_string_literal: true

# Adjacent literals, `+` and `\` continuations.
ADJACENT_URL = "https://acme-exports.s3.amazonaws.com/rb/adjacent.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" \
  "&X-Amz-Credential=AKIAD57JJCYQ5GHT2NBP%2F20240115%2Fus-east-1%2Fs3%2Faws4_request" \
  "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host" \
  "&X-Amz-Signature=9e272822f71f9f62eeb1" \
  "d12cea38726457a0cb0474567cac0f6280e1257e0e8d"
# expect^^^^^: hardcoded-presigned-url

PLUS_URL = 'https://acme-exports.s3.amazonaws.com/rb/plus.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256' + # expect: hardcoded-presigned-url
  '&X-Amz-Credential=AKIABUG4TCL4F3N7PGXB%2F20240115%2Fus-east-1%2Fs3%2Faws4_request' +
  '&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host' +
  '&X-Amz-Signature=25746cdde78400b6667b77576f57fb8e7a389cd6fa09aebde32d5edc8c4ccc1a'

# Interpolation builds the URL at run time.
def build(host, sig)
  "https://#{host}/rb/backslash.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256" \
    "&X-Amz-Signature=#{sig}"
end
