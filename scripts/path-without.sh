# Sourced by scripts/with-only-rust.sh and scripts/python-package.sh: the one way a
# script runs something with some tools hidden from PATH.
#   . scripts/path-without.sh
#   PATH=$(path_without '^(cargo|rustc)$' "$dir")   # DIR: an empty directory to fill
# `path_without REGEX DIR` fills DIR with a link to every program of PATH whose name
# does not match REGEX (the first of each name, as PATH would find it) and prints DIR,
# a PATH of one directory. pyenv's shims are left out: each runs whichever Python is
# pyenv's global, so a hidden Python would come back through them.
path_without() {
  local hidden=$1 bin=$2 dir tool name
  local -a dirs
  IFS=: read -r -a dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    [ -d "$dir" ] || continue
    case $dir in */.pyenv/shims) continue ;; esac
    for tool in "$dir"/*; do
      name=${tool##*/}
      [[ $name =~ $hidden ]] && continue
      [ -e "$bin/$name" ] || ln -s "$tool" "$bin/$name"
    done
  done
  printf '%s\n' "$bin"
}
