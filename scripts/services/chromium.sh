# Headless Chromium for the report test, from Debian. Exports C360_TEST_CHROMIUM.

chromium_up() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium from Debian"
    for attempt in 1 2 3 4 5; do apt-get update -qq && break; sleep 3; done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 --no-install-recommends chromium fonts-dejavu-core >/dev/null
  fi
  export C360_TEST_CHROMIUM
  C360_TEST_CHROMIUM=$(command -v chromium)
  echo "chromium: $("$C360_TEST_CHROMIUM" --version 2>/dev/null)"
}

chromium_down() { :; }
