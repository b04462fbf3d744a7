#!/usr/bin/env bash
# with-s3.sh COMMAND...: runs COMMAND with a throw-away S3-compatible server
# (moto's server mode, docs/scaling.md says why) listening on 127.0.0.1 only,
# and POCKETSHOP_TEST_S3_ENDPOINT, POCKETSHOP_TEST_S3_ACCESS_KEY and
# POCKETSHOP_TEST_S3_SECRET_KEY pointing at it. Requests are signed and checked:
# an IAM user is made while moto still lets anyone in, then moto is told to
# check every signature, so a wrong secret key fails as it would on AWS.
# The server is stopped afterwards, whatever happens; it keeps no files.
set -euo pipefail

python=${POCKETSHOP_TEST_PYTHON:-python3}
"$python" -c 'import moto.server' 2>/dev/null || {
  echo "moto's server mode not found: pip install 'moto[server]' (docs/scaling.md)" >&2
  exit 1
}

work=$(mktemp -d /tmp/pocketshop-s3.XXXXXX)
moto_pid=""
cleanup() {
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Answers once moto listens; fails when it has exited (the port was taken).
wait_for_moto() {
  for _ in $(seq 1 120); do
    kill -0 "$moto_pid" 2>/dev/null || return 1
    curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/" && return 0
    sleep 0.25
  done
  return 1
}

started=""
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  "$python" -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  if wait_for_moto; then
    started=yes
    break
  fi
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  moto_pid=""
done
[ -n "$started" ] || { cat "$work/moto.log" >&2; echo "could not start moto" >&2; exit 1; }

endpoint="http://127.0.0.1:$port"
iam() {
  curl -sf --aws-sigv4 "aws:amz:us-east-1:iam" -u "setup:setup" "$endpoint/" \
    -d Version=2010-05-08 "$@"
}
iam -d Action=CreateUser -d UserName=pocketshop-tests >/dev/null
iam -d Action=CreateAccessKey -d UserName=pocketshop-tests >"$work/key.xml"
iam -d Action=PutUserPolicy -d UserName=pocketshop-tests -d PolicyName=all \
  --data-urlencode 'PolicyDocument={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' \
  >/dev/null
xml_value() { sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$work/key.xml"; }
access_key=$(xml_value AccessKeyId)
secret_key=$(xml_value SecretAccessKey)
[ -n "$access_key" ] && [ -n "$secret_key" ] || { echo "moto made no access key" >&2; exit 1; }
# From now on every request must be signed with a key moto knows.
curl -sf -X POST -H 'Content-Type: text/plain' --data-binary 0 "$endpoint/moto-api/reset-auth" >/dev/null

export POCKETSHOP_TEST_S3_ENDPOINT="$endpoint"
export POCKETSHOP_TEST_S3_ACCESS_KEY="$access_key"
export POCKETSHOP_TEST_S3_SECRET_KEY="$secret_key"
echo "S3 (moto) test server on 127.0.0.1:$port"
"$@"
