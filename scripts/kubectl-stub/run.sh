#!/usr/bin/env bash
# Capture real kubectl 1.32 output against the stub API server (stub.py).
# Writes fixtures/kubectl-1.32/*.txt|json and capture-times.tsv; see that folder's README.md.
#
#   scripts/kubectl-stub/run.sh            # uses /usr/bin/kubectl, port 18080
#   KUBECTL=/path/to/kubectl PORT=18181 scripts/kubectl-stub/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../.." && pwd)/fixtures/kubectl-1.32
KUBECTL=${KUBECTL:-/usr/bin/kubectl}
PORT=${PORT:-18080}
T=2024-06-12T10:48:30Z    # capture time of the fixed-clock captures
T2=2024-06-12T10:50:30Z   # clock of the second `get events -A -w` run

mkdir -p "$out"
tmp=$(mktemp -d)
cat > "$tmp/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: stub
  cluster:
    server: http://127.0.0.1:$PORT
    insecure-skip-tls-verify: true
contexts:
- name: stub
  context: {cluster: stub, user: stub}
current-context: stub
users:
- name: stub
  user: {}
KC
export KUBECONFIG="$tmp/kubeconfig" KUBECACHEDIR="$tmp/cache" TZ=UTC LANG=C.UTF-8

python3 "$here/stub.py" --port "$PORT" --log "$tmp/requests.log" 2>"$tmp/stub.err" &
stub=$!
trap 'kill $stub 2>/dev/null; wait $stub 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/version" >/dev/null && break; sleep 0.1; done

control() {  # control <reset|clock> <query>; prints the stub's clock as seen after the call
  curl -sf -X POST "http://127.0.0.1:$PORT/_stub/$1?$2" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["now"][:19] + "Z")'
}

times="$out/capture-times.tsv"
printf 'file\tscenario\tclock\tnote\n' > "$times"

# capture <file> <redirect: > or >>> <scenario time> -- kubectl args...
capture() {
  local file=$1 mode=$2 when=$3; shift 4
  local rc=0
  if [ "$mode" = ">>" ]; then
    "$KUBECTL" "$@" >>"$out/$file" 2>"$tmp/stderr" || rc=$?
  else
    "$KUBECTL" "$@" >"$out/$file" 2>"$tmp/stderr" || rc=$?
  fi
  printf '%s\t%s\t%s\tkubectl %s (exit %s)\n' "$file" "$scenario" "$when" "$*" "$rc" >> "$times"
  echo "$file: kubectl $* -> exit $rc" >&2
  if [ -s "$tmp/stderr" ]; then sed 's/^/    stderr: /' "$tmp/stderr" >&2; fi
}

# --- Fixed clock: the stub prints server-side Tables with now = T. ---
scenario=incident
now=$(control reset "scenario=incident&now=$T")
capture get-events-A.txt                  '>' "$now" -- get events -A
capture get-events-A-no-headers.txt       '>' "$now" -- get events -A --no-headers
capture get-events-n-kube-system.txt      '>' "$now" -- get events -n kube-system
capture get-events-A-o-wide.txt           '>' "$now" -- get events -A -o wide
capture get-events-A-o-json.json          '>' "$now" -- get events -A -o json
capture get-events-A-sort-by-creation.txt '>' "$now" -- get events -A --sort-by=.metadata.creationTimestamp

# Watch: list at T, then MODIFIED/ADDED/MODIFIED, then the stub closes the watch.
# A second run at T2 is appended, as `kubectl get events -A -w >> file` would.
now=$(control reset "scenario=incident&now=$T")
capture get-events-A-w.txt '>' "$now" -- get events -A -w
now=$(control clock "now=$T2")
capture get-events-A-w.txt '>>' "$now" -- get events -A -w

now=$(control reset "scenario=incident&now=$T")
capture get-events-A-w-output-watch-events.txt '>' "$now" -- get events -A -w --output-watch-events

scenario=multiline
now=$(control reset "scenario=multiline&now=$T")
capture get-events-multiline-message.txt        '>' "$now" -- get events -A
capture get-events-multiline-message-o-wide.txt '>' "$now" -- get events -A -o wide

# --- Real clock: kubectl computes the ages itself, so the events are shifted to
# the real time: scenario time T is mapped to the real second printed as clock. ---
scenario=live
now=$(control reset "scenario=live&now=real")
capture kubectl-events-A.txt '>' "$now" -- events -A
capture describe-pod.txt     '>' "$now" -- describe pod coredns-5b8cc885bc-7xk2p -n kube-system
now=$(control reset "scenario=live&now=real")
capture kubectl-events-A-w.txt '>' "$now" -- events -A -w

echo "wrote $out" >&2
