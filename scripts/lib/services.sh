# Shared by scripts/test and scripts/sandbox: make sure the local services GuestGate needs are there.
# Each function is idempotent and says what it does.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "Need root to run: $*" >&2; return 1
  fi
}

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { echo "Please install: $* (no apt-get on this machine)" >&2; return 1; }
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

redis_answers() {
  (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && timeout 2 head -c 5 <&3 | grep -q PONG) 2>/dev/null
}

ensure_redis() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    echo "Installing redis-server (the tests need redis-server and redis-cli)..."
    apt_install redis-server redis-tools
  fi
  if redis_answers; then return 0; fi
  echo "Starting Redis on 127.0.0.1:6379..."
  redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 50); do redis_answers && return 0; sleep 0.1; done
  echo "Redis did not answer on 127.0.0.1:6379" >&2; return 1
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
  echo "Installing Debian's chromium and chromium-driver for the browser tests..."
  apt_install chromium chromium-driver
}

require_node() {
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "Node.js 20 and npm are needed to build the meeting page (widget/). Install them, then run again." >&2
    return 1
  fi
}
