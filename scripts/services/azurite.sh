# Azurite (Azure Storage emulator) for the blob tests, from npm, under $C360_SVC_DIR/azurite, on free
# loopback ports. Exports C360_TEST_AZURITE (an explicit connection string for those ports).

AZURITE_VERSION=3.37.0

azurite_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

azurite_up() {
  local dir="$C360_SVC_DIR/azurite"
  mkdir -p "$dir/data"
  if [ -f "$dir/azurite.pid" ] && kill -0 "$(cat "$dir/azurite.pid")" 2>/dev/null && [ -f "$dir/env" ]; then
    source "$dir/env"; return 0
  fi
  if [ ! -x "$dir/node_modules/.bin/azurite" ]; then
    echo "installing azurite@$AZURITE_VERSION from npm"
    # Azurite declares node >= 22; it runs on Debian's/this image's node 20 (engine warnings only).
    (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --engine-strict=false --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null)
  fi
  local blob queue table
  blob=$(azurite_port); queue=$(azurite_port); table=$(azurite_port)
  # --skipApiVersionCheck: the .NET SDK sends a newer x-ms-version than this Azurite knows.
  nohup "$dir/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck --location "$dir/data" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
    > "$C360_SVC_DIR/logs/azurite.out" 2>&1 &
  echo $! > "$dir/azurite.pid"
  for _ in $(seq 1 200); do
    (echo > "/dev/tcp/127.0.0.1/$blob") 2>/dev/null && break
    sleep 0.1
  done
  # The emulator's public, documented development key (not a secret).
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  cat > "$dir/env" <<ENV
export C360_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
ENV
  source "$dir/env"
  echo "azurite ready on 127.0.0.1:$blob"
}

azurite_down() {
  local dir="$C360_SVC_DIR/azurite"
  [ -f "$dir/azurite.pid" ] || return 0
  local pid; pid=$(cat "$dir/azurite.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$dir/azurite.pid"
}
