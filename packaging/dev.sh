#!/bin/sh
# SyncDesk developer entry point: the README's two commands.
#   packaging/dev.sh run    build and start the desktop app
#   packaging/dev.sh test   build and run every test (CI calls this through .ci/run)
# Each first makes sure the Debian 12 packages it needs are present: installed with apt-get when
# run as root, otherwise the exact apt-get line is printed and the script stops.
set -eu

SRC=$(cd "$(dirname "$0")/.." && pwd)
cd "$SRC"

BUILD_PACKAGES="cmake ninja-build g++ pkg-config ccache qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite \
qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools \
qtkeychain-qt6-dev libqt6svg6 libsqlite3-dev libpsl-dev publicsuffix libgl-dev libxkbcommon-dev qt6-qpa-plugins"
RUN_PACKAGES="gnome-keyring dbus dbus-x11"
TEST_PACKAGES="libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth imagemagick gnome-keyring dbus dbus-x11"

ensure_packages() {
    missing=""
    for p in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        case "$status" in
            *"install ok installed"*) ;;
            *) missing="$missing $p" ;;
        esac
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ]; then
        echo "Installing Debian packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing
    else
        echo "SyncDesk needs these Debian packages. Install them, then run this command again:" >&2
        echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
        exit 2
    fi
}

cmd_run() {
    # shellcheck disable=SC2086
    ensure_packages $BUILD_PACKAGES $RUN_PACKAGES
    cmake --preset default -DSYNCDESK_BUILD_TESTS=OFF >/dev/null
    cmake --build --preset default --target syncdesk syncdesk-cli syncdesk-sandbox
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display found (DISPLAY/WAYLAND_DISPLAY unset). Start it from a desktop session," >&2
        echo "or try it headless: xvfb-run $SRC/build/default/app/syncdesk" >&2
        exit 2
    fi
    exec "$SRC/build/default/app/syncdesk" "$@"
}

# Runs "$@" inside a private D-Bus session with an unlocked gnome-keyring, a fresh HOME and
# XDG_RUNTIME_DIR, so that keychain tests use a real Secret Service and touch nothing of the user's.
with_private_keyring() {
    status=0
    tmp=$(mktemp -d /tmp/syncdesk-test-XXXXXX)
    mkdir -p "$tmp/home" "$tmp/runtime"
    chmod 700 "$tmp/runtime"
    HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/home/.local/share" \
    XDG_CONFIG_HOME="$tmp/home/.config" \
        dbus-run-session -- sh -c 'eval "$(printf syncdesk-test | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK; export SYNCDESK_TEST_KEYRING=1; "$@"' sh "$@" \
        || status=$?
    rm -rf "$tmp"
    return $status
}

cmd_test() {
    # shellcheck disable=SC2086
    ensure_packages $BUILD_PACKAGES $TEST_PACKAGES
    # Node.js runs HubSpot's official client against the sandbox; any node >= 18 with npm will do.
    command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
    echo "== Build (preset ci: -Werror) =="
    cmake --preset ci >/dev/null
    cmake --build --preset ci
    echo "== Node check dependencies (HubSpot's official client, from npm) =="
    npm ci --prefix "$SRC/tests/sandbox/node" --no-audit --no-fund
    echo "== Tests (preset ci) =="
    with_private_keyring xvfb-run -a -s "-screen 0 1600x1000x24" ctest --preset ci
    echo "== Build (preset asan: ASan + UBSan, core) =="
    cmake --preset asan >/dev/null
    cmake --build --preset asan
    echo "== Tests (preset asan, label core) =="
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        with_private_keyring ctest --preset asan
    echo "All tests passed."
}

case "${1:-}" in
    run) shift; cmd_run "$@" ;;
    test) shift; cmd_test "$@" ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
