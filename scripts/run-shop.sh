#!/usr/bin/env bash
# `make run`: the test-mode payment gateway and the shop side by side on
# 127.0.0.1, with the demo data (its orders paid at this gateway). The
# shop's payment defaults (--payment-gateway-url http://127.0.0.1:12111,
# sk_test_pocketshop_local, pk_test_pocketshop_local) reach this gateway;
# Ctrl-C stops both.
set -euo pipefail

BIN=${1:-build/server/pocketshop}
PORT=${PORT:-8080}
GATEWAY_PORT=${GATEWAY_PORT:-12111}
DATA_DIR=${POCKETSHOP_DATA_DIR:-data}
WEBHOOK_SECRET=${POCKETSHOP_PAYMENT_WEBHOOK_SECRET:-whsec_pocketshop_local}

export POCKETSHOP_PAYMENT_GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
export POCKETSHOP_DEV_MAILBOX=true

"$BIN" gateway --port "$GATEWAY_PORT" --data-dir "$DATA_DIR/gateway" \
  --secret-key sk_test_pocketshop_local --publishable-key pk_test_pocketshop_local \
  --webhook-url "http://127.0.0.1:$PORT/api/payments/webhook" --webhook-secret "$WEBHOOK_SECRET" &
gateway=$!
trap 'kill "$gateway" 2>/dev/null || true; wait "$gateway" 2>/dev/null || true' EXIT INT TERM

# The demo orders are paid at the gateway: wait (up to 10 s) until it listens.
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$GATEWAY_PORT") 2>/dev/null && break
  sleep 0.1
done
# Its webhooks for them reach the shop once it serves (the gateway retries).
"$BIN" seed --demo

POCKETSHOP_PAYMENT_WEBHOOK_SECRET=$WEBHOOK_SECRET "$BIN" serve --port "$PORT"
