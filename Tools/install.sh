#!/usr/bin/env bash
# Installs metro6 with its manual page and shell completions.
#
#   bash Tools/install.sh [PREFIX]     # default /usr/local (sudo is used when PREFIX is not writable)
#
# PREFIX/bin/metro6                                 the tool (release build)
# PREFIX/share/man/man1/metro6.1                    the manual, generated from the command-line parser
#                                                   (swift-argument-parser's generate-manual plugin)
# PREFIX/share/bash-completion/completions/metro6   bash completion
# PREFIX/share/zsh/site-functions/_metro6           zsh completion
# PREFIX/share/fish/vendor_completions.d/metro6.fish fish completion
set -euo pipefail
prefix=${1:-/usr/local}
cd "$(dirname "$0")/.."

swift build -c release --product metro6
# The manual is generated from the same parser the tool runs, so it cannot drift from --help.
swift package --disable-sandbox plugin generate-manual >/dev/null
binary=.build/release/metro6
manual=.build/plugins/GenerateManual/outputs/metro6/metro6.1

sudo=()
mkdir -p "$prefix" 2>/dev/null || true
if [ ! -w "$prefix" ] && [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" --generate-completion-script bash >"$work/metro6.bash"
"$binary" --generate-completion-script zsh >"$work/_metro6"
"$binary" --generate-completion-script fish >"$work/metro6.fish"

"${sudo[@]}" install -Dm755 "$binary" "$prefix/bin/metro6"
"${sudo[@]}" install -Dm644 "$manual" "$prefix/share/man/man1/metro6.1"
"${sudo[@]}" install -Dm644 "$work/metro6.bash" "$prefix/share/bash-completion/completions/metro6"
"${sudo[@]}" install -Dm644 "$work/_metro6" "$prefix/share/zsh/site-functions/_metro6"
"${sudo[@]}" install -Dm644 "$work/metro6.fish" "$prefix/share/fish/vendor_completions.d/metro6.fish"
echo "installed metro6 in $prefix/bin, its manual (man metro6) and bash, zsh and fish completions"
