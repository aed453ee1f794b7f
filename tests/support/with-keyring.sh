#!/bin/sh
# Runs a command with its own D-Bus session and an unlocked GNOME Keyring (a real Secret Service), so keychain code is
# tested against the service QtKeychain talks to on Linux desktops. HOME is a throwaway folder: the test keyring never
# touches the user's own.
set -eu
HOME=$(mktemp -d)
export HOME
trap 'rm -rf "$HOME"' EXIT
dbus-run-session -- sh -c 'printf switchyard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "$@"' sh "$@"
