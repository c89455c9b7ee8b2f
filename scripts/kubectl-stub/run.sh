#!/usr/bin/env bash
# Capture real kubectl 1.32 output against the stub API server (stub.py).
# Writes the files in fixtures/kubectl-1.32/ and capture-times.tsv; see that folder's README.md.
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

control() {  # control <reset|clock> <query>; prints the stub's answer (JSON)
  curl -sf -X POST "http://127.0.0.1:$PORT/_stub/$1?$2"
}
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]][:19] + "Z")' "$1"; }

times="$out/capture-times.tsv"
printf 'file\tscenario\tclock\tscenario_T\tcommand\texit\n' > "$times"

# capture <file> <'>' or '>>'> -- kubectl args...
# clock: the stub's clock (fixed-clock scenarios) or the real UTC time just
# before kubectl started (real-clock scenario). scenario_T: the instant that
# the scenario's 10:48:30 is mapped to.
capture() {
  local file=$1 mode=$2; shift 3
  local rc=0 clock
  if [ "$scenario" = live ]; then clock=$(date -u +%FT%TZ); else clock=$fixed; fi
  if [ "$mode" = ">>" ]; then
    "$KUBECTL" "$@" >>"$out/$file" 2>"$tmp/stderr" || rc=$?
  else
    "$KUBECTL" "$@" >"$out/$file" 2>"$tmp/stderr" || rc=$?
  fi
  printf '%s\t%s\t%s\t%s\tkubectl %s\t%s\n' "$file" "$scenario" "$clock" "$scenario_T" "$*" "$rc" >> "$times"
  echo "$file: kubectl $* -> exit $rc" >&2
  if [ -s "$tmp/stderr" ]; then sed 's/^/    stderr: /' "$tmp/stderr" >&2; fi
}

reset() {  # reset <scenario> <T|real>
  local answer
  scenario=$1
  answer=$(control reset "scenario=$1&now=$2")
  fixed=$(echo "$answer" | field now)
  scenario_T=$(echo "$answer" | field T)
}

# --- Fixed clock: the stub prints server-side Tables with now = T. ---
reset incident "$T"
capture get-events-A.txt                  '>' -- get events -A
capture get-events-A-no-headers.txt       '>' -- get events -A --no-headers
capture get-events-n-kube-system.txt      '>' -- get events -n kube-system
capture get-events-A-o-wide.txt           '>' -- get events -A -o wide
capture get-events-A-o-json.json          '>' -- get events -A -o json
capture get-events-A-sort-by-creation.txt '>' -- get events -A --sort-by=.metadata.creationTimestamp

# Watch: list at T, then MODIFIED/ADDED/MODIFIED, then the stub closes the watch.
# A second run at T2 is appended, as `kubectl get events -A -w >> file` would.
reset incident "$T"
capture get-events-A-w.txt '>' -- get events -A -w
fixed=$(control clock "now=$T2" | field now)
capture get-events-A-w.txt '>>' -- get events -A -w

reset incident "$T"
capture get-events-A-w-output-watch-events.txt '>' -- get events -A -w --output-watch-events

reset multiline "$T"
capture get-events-multiline-message.txt        '>' -- get events -A
capture get-events-multiline-message-o-wide.txt '>' -- get events -A -o wide

# --- Real clock: kubectl computes these ages itself, so the stub shifts every
# timestamp so that the scenario's T falls on the current real second. ---
# Each run starts just after a second boundary, so that kubectl (which needs a few
# hundred ms) still reads the same second as the stub's mapped T.
live() { python3 -c 'import time; time.sleep(1.02 - time.time() % 1)'; reset live real; }
live; capture kubectl-events-A.txt   '>' -- events -A
live; capture describe-pod.txt       '>' -- describe pod coredns-5b8cc885bc-7xk2p -n kube-system
live; capture kubectl-events-A-w.txt '>' -- events -A -w

# --- JSON and YAML printing, at the fixed clock (added after the runs above). ---
# kubectl computes no ages for -o json|yaml, so `kubectl events -o json|yaml` needs no
# real-clock alignment: at T its events are the same 13 objects as get-events-A-o-json.json.
reset incident "$T"
capture get-events-A-o-yaml.yaml               '>' -- get events -A -o yaml
capture kubectl-events-A-o-json.json           '>' -- events -A -o json
capture kubectl-events-A-o-yaml.yaml           '>' -- events -A -o yaml
capture get-events-events.k8s.io-A-o-json.json '>' -- get events.v1.events.k8s.io -A -o json

# Watches with the script of get-events-A-w.txt (list at T, MODIFIED/ADDED/MODIFIED, close).
# Each watch uses up the scripted batch, hence a reset before each run.
w() { reset incident "$T"; capture "$@"; }
w get-events-A-w-o-json.stream                     '>' -- get events -A -w -o json
w get-events-A-w-o-json-output-watch-events.ndjson '>' -- get events -A -w -o json --output-watch-events
w get-events-A-w-o-yaml.stream                     '>' -- get events -A -w -o yaml

# Derived, not a kubectl run (so not in capture-times.tsv): the -w -o json stream as a
# Ctrl-C leaves it, cut inside its third object. kubectl writes that stream through a
# tabwriter, a line's text and its "\n" in separate write calls, so the cut is put after
# the text of the third object's middle line, before that line's newline.
s="$out/get-events-A-w-o-json.stream"
open=$(grep -n '^{$' "$s" | sed -n 3p | cut -d: -f1)
close=$(grep -n '^}$' "$s" | sed -n 3p | cut -d: -f1)
n=$(( $(head -n $(( (open + close) / 2 )) "$s" | wc -c) - 1 ))
head -c "$n" "$s" > "$out/get-events-A-o-json-cut.stream"
echo "get-events-A-o-json-cut.stream: head -c $n get-events-A-w-o-json.stream" >&2

echo "wrote $out" >&2
