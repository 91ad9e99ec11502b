#!/bin/sh
# Runs a command against a REAL keychain that is not the developer's: a private D-Bus session bus
# with a fresh gnome-keyring (Secret Service), unlocked with a throwaway password, in a fresh HOME
# and XDG_RUNTIME_DIR under a temporary directory that is removed afterwards.
#
#   tests/support/with-private-keyring.sh COMMAND [ARG...]
#
# ctest runs the keychain tests through it (tests/auth/CMakeLists.txt sets it as the test
# executable's CROSSCOMPILING_EMULATOR, which gtest_discover_tests uses for listing and running).
# Needs the Debian packages dbus (dbus-run-session, dbus-send) and gnome-keyring. Exit status: the command's,
# or 2 when the keyring cannot be started.
#
# In essence: dbus-run-session -- sh -c 'eval "$(printf pw | gnome-keyring-daemon --unlock
# --components=secrets)"; "$@"'. The daemon runs in the foreground here, as a child whose pid the
# script knows, and is stopped when the command ends: a daemonized keyring sometimes outlives its
# bus (when the command is quick, e.g. gtest's test listing) and would be left behind.
set -u

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-private-keyring.sh: $tool not found (install the Debian packages dbus and gnome-keyring)" >&2
        exit 2
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/syncdesk-keyring-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$tmp/home/.local/share" "$tmp/home/.config" "$tmp/home/.cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"

# Nothing of the caller's session may leak in: no bus address, no desktop hints that would make
# QtKeychain pick KWallet, no keyring sockets.
env -u DBUS_SESSION_BUS_ADDRESS -u DBUS_SESSION_BUS_PID -u XDG_CURRENT_DESKTOP -u XDG_SESSION_DESKTOP \
    -u DESKTOP_SESSION -u GNOME_DESKTOP_SESSION_ID -u KDE_FULL_SESSION -u KDE_SESSION_VERSION \
    -u GNOME_KEYRING_CONTROL -u SSH_AUTH_SOCK \
    HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/home/.local/share" \
    XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" SYNCDESK_PRIVATE_KEYRING=1 \
    SYNCDESK_KEYRING_TMP="$tmp" \
    dbus-run-session -- sh -c '
        log="$SYNCDESK_KEYRING_TMP/keyring.log"
        unset SYNCDESK_KEYRING_TMP
        printf syncdesk-test-keyring |
            gnome-keyring-daemon --foreground --unlock --components=secrets >"$log" 2>&1 &
        keyring=$!
        # Ready once it owns the Secret Service name on the bus (its stdout is block-buffered when
        # not a terminal, so the GNOME_KEYRING_CONTROL line cannot be waited for).
        tries=0
        until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
                grep -q "boolean true"; do
            tries=$((tries + 1))
            if [ "$tries" -gt 200 ] || ! kill -0 "$keyring" 2>/dev/null; then
                echo "with-private-keyring.sh: gnome-keyring-daemon did not start:" >&2
                cat "$log" >&2
                kill "$keyring" 2>/dev/null
                exit 2
            fi
            sleep 0.05
        done
        GNOME_KEYRING_CONTROL="$XDG_RUNTIME_DIR/keyring"
        export GNOME_KEYRING_CONTROL
        "$@"
        status=$?
        kill "$keyring" 2>/dev/null
        wait "$keyring" 2>/dev/null
        exit "$status"
    ' sh "$@"
