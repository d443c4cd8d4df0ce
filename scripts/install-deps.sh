#!/bin/sh
# Installs the Debian packages newsfuse builds and tests with, when missing.
# Run as root (CI) or with sudo available; does nothing when all are present.
set -e
pkgs="build-essential pkgconf clang libclang-rt-14-dev libutf8proc-dev libstemmer-dev libjson-c-dev libxxhash-dev libsqlite3-dev libglpk-dev libxml2-dev libcurl4-openssl-dev python3"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
