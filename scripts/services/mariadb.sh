# MariaDB for the integration tests: installed from Debian if missing, run as a plain process on a free
# loopback port with its own data folder under $C360_SVC_DIR/mariadb. Exports C360_TEST_MYSQL (app user)
# and C360_TEST_MYSQL_ADMIN (root over TCP, for tests that create databases or kill connections).

mariadb_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

mariadb_install() {
  command -v mariadbd >/dev/null 2>&1 && return 0
  echo "installing mariadb-server from Debian"
  # Keep apt from starting a system mariadbd on :3306 (images without a policy-rc.d would).
  local policy_created=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_created=1
  fi
  for attempt in 1 2 3 4 5; do apt-get update -qq && break; sleep 3; done
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 --no-install-recommends mariadb-server >/dev/null
  [ "$policy_created" = 1 ] && rm -f /usr/sbin/policy-rc.d
  command -v mariadbd >/dev/null 2>&1
}

mariadb_up() {
  mariadb_install
  local dir="$C360_SVC_DIR/mariadb"
  if [ -f "$dir/mysqld.pid" ] && kill -0 "$(cat "$dir/mysqld.pid")" 2>/dev/null && [ -f "$dir/env" ]; then
    source "$dir/env"; return 0
  fi
  rm -rf "$dir" && mkdir -p "$dir/data"
  local port; port=$(mariadb_port)
  cat > "$dir/my.cnf" <<CNF
[mysqld]
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/mysqld.err
port=$port
bind-address=127.0.0.1
user=root
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
local_infile=1
skip-name-resolve
innodb_buffer_pool_size=256M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=2
max_connections=200
[client]
socket=$dir/mysqld.sock
port=$port
CNF
  # --defaults-file must come first for every MariaDB program.
  mariadb-install-db --defaults-file="$dir/my.cnf" --user=root --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
  nohup mariadbd --defaults-file="$dir/my.cnf" >"$C360_SVC_DIR/logs/mariadbd.out" 2>&1 &
  for _ in $(seq 1 300); do
    mariadb-admin --defaults-file="$dir/my.cnf" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb --defaults-file="$dir/my.cnf" -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS c360 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'c360'@'127.0.0.1' IDENTIFIED BY 'c360-test-pass';
GRANT ALL PRIVILEGES ON c360.* TO 'c360'@'127.0.0.1';
CREATE USER IF NOT EXISTS 'c360admin'@'127.0.0.1' IDENTIFIED BY 'c360-admin-pass';
GRANT ALL PRIVILEGES ON *.* TO 'c360admin'@'127.0.0.1' WITH GRANT OPTION;
SQL
  # A real query as the app user over TCP (ping succeeds even on "access denied").
  mariadb --defaults-file="$dir/my.cnf" -h127.0.0.1 -P"$port" --protocol=TCP -uc360 -pc360-test-pass c360 -e "SELECT 1" >/dev/null
  cat > "$dir/env" <<ENV
export C360_TEST_MYSQL="Server=127.0.0.1;Port=$port;Database=c360;User ID=c360;Password=c360-test-pass;AllowLoadLocalInfile=true;CharacterSet=utf8mb4"
export C360_TEST_MYSQL_ADMIN="Server=127.0.0.1;Port=$port;User ID=c360admin;Password=c360-admin-pass;AllowLoadLocalInfile=true;CharacterSet=utf8mb4"
ENV
  source "$dir/env"
  echo "mariadb ready on 127.0.0.1:$port"
}

mariadb_down() {
  local dir="$C360_SVC_DIR/mariadb"
  [ -f "$dir/mysqld.pid" ] || return 0
  local pid; pid=$(cat "$dir/mysqld.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
}
