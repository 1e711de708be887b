#!/usr/bin/env bash
# Opt-in: installs a git post-commit hook that runs ci/profile.sh in the background after each
# commit (nohup; output appended to ci/profiling-results/hook.log). Arguments are passed to
# ci/profile.sh on every run, e.g. ci/install-post-commit-hook.sh --repeat 1 --ticks 300.
# --uninstall removes the hook. A post-commit hook that this script did not write is left alone
# (exit 2). Exit codes: 0 installed or removed, 2 trouble.
set -euo pipefail
cd "$(dirname "$0")/.."

marker="# puredots-telemetry: installed by ci/install-post-commit-hook.sh"
die() { echo "install-post-commit-hook.sh: $*" >&2; exit 2; }

uninstall=false
args=()
for a in "$@"; do
  case $a in
    --uninstall) uninstall=true ;;
    -h|--help) sed -n '2,6s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done

git rev-parse --git-dir >/dev/null 2>&1 || die "not inside a git work tree: $(pwd)"
hooks=$(git config core.hooksPath || git rev-parse --git-path hooks)
hook="$hooks/post-commit"

if [ -e "$hook" ] && ! grep -qxF "$marker" "$hook"; then
  die "'$hook' exists and was not written by this script; not touching it (merge it by hand)"
fi
if $uninstall; then
  rm -f "$hook"
  echo "install-post-commit-hook.sh: removed '$hook'" >&2
  exit 0
fi

quoted=""
for a in "${args[@]}"; do quoted+=" $(printf '%q' "$a")"; done
mkdir -p "$hooks"
tmp="$hook.$$.tmp"
cat > "$tmp" <<HOOK
#!/usr/bin/env bash
$marker
# Runs the profiling harness in the background after each commit; remove with
# ci/install-post-commit-hook.sh --uninstall. While one run is going (flock), the next is skipped.
cd "\$(git rev-parse --show-toplevel)" || exit 0
[ -x ci/profile.sh ] || exit 0
mkdir -p ci/profiling-results
log=ci/profiling-results/hook.log
echo "post-commit \$(git rev-parse --short HEAD) \$(date -u +%Y-%m-%dT%H:%M:%SZ): ci/profile.sh$quoted" >> "\$log"
if command -v flock >/dev/null 2>&1; then
  nohup flock -n -E 0 ci/profiling-results/.hook.lock ci/profile.sh$quoted >> "\$log" 2>&1 < /dev/null &
else
  nohup ci/profile.sh$quoted >> "\$log" 2>&1 < /dev/null &
fi
exit 0
HOOK
chmod +x "$tmp"
mv -f "$tmp" "$hook"
echo "install-post-commit-hook.sh: installed '$hook' (runs ci/profile.sh$quoted after each commit)" >&2
