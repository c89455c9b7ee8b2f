#!/usr/bin/env python3
"""A tiny fake Kubernetes API server, just enough for `kubectl get events`,
`kubectl events` and `kubectl describe pod` (kubectl 1.32), plus a plain list of
events.k8s.io/v1 events.

It exists to capture REAL kubectl output for the fixtures in
fixtures/kubectl-1.32/ (see run.sh and that folder's README.md).

What the stub decides, and what kubectl decides:
  * `kubectl get events` asks for a server-side Table
    (Accept: application/json;as=Table;v=v1;g=meta.k8s.io). The cells are the
    server's job. They are computed here by a port of printEvent
    (kubernetes/kubernetes pkg/printers/internalversion/printers.go, ~v1.32)
    and apimachinery's duration.HumanDuration, at the stub's clock ("now").
    kubectl filters the columns by priority, adds NAMESPACE/EVENT, escapes,
    truncates and lays the table out.
  * Everything else (-o json|yaml, `kubectl events`, `kubectl describe`) gets plain
    JSON objects; kubectl computes ages itself with the real clock.
  * /apis/events.k8s.io/v1/events serves the same stored events converted to
    events.k8s.io/v1 (to_events_v1), as a list only: no Table, no watch.

Plain HTTP on 127.0.0.1, Python 3 standard library only.

Control endpoint (used by run.sh, not by kubectl):
  POST /_stub/reset?scenario=NAME&now=2024-06-12T10:48:30Z   fixed clock
  POST /_stub/reset?scenario=NAME&now=real                   shift to real time
  POST /_stub/clock?now=2024-06-12T10:50:30Z                 move the fixed clock
"""

import argparse
import calendar
import copy
import hashlib
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

NS = 10**9

# --------------------------------------------------------------------------
# Time helpers. All times are integer nanoseconds since the Unix epoch.


def parse_time(s):
    """'2024-06-12T10:22:05.118442731Z' -> ns (up to 9 fraction digits)."""
    s = s.rstrip("Z")
    whole, _, frac = s.partition(".")
    secs = calendar.timegm(time.strptime(whole, "%Y-%m-%dT%H:%M:%S"))
    return secs * NS + int((frac + "000000000")[:9])


def fmt_time(ns):
    """metav1.Time: RFC 3339, whole seconds (truncated), UTC."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ns // NS))


def fmt_micro(ns):
    """metav1.MicroTime: always 6 fraction digits, UTC."""
    return "%s.%06dZ" % (time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ns // NS)),
                         (ns % NS) // 1000)


def human_duration(d):
    """Exact port of k8s.io/apimachinery/pkg/util/duration.HumanDuration.
    d is in nanoseconds; Go integer division truncates toward zero."""
    seconds = abs(d) // NS * (1 if d >= 0 else -1)
    if seconds < -1:
        return "<invalid>"
    if seconds < 0:
        return "0s"
    if seconds < 60 * 2:
        return "%ds" % seconds
    minutes = d // (60 * NS)
    if minutes < 10:
        s = (d // NS) % 60
        return "%dm" % minutes if s == 0 else "%dm%ds" % (minutes, s)
    if minutes < 60 * 3:
        return "%dm" % minutes
    hours = d // (3600 * NS)
    if hours < 8:
        m = (d // (60 * NS)) % 60
        return "%dh" % hours if m == 0 else "%dh%dm" % (hours, m)
    if hours < 48:
        return "%dh" % hours
    if hours < 24 * 8:
        h = hours % 24
        return "%dd" % (hours // 24) if h == 0 else "%dd%dh" % (hours // 24, h)
    if hours < 24 * 365 * 2:
        return "%dd" % (hours // 24)
    if hours < 24 * 365 * 8:
        dy = (hours // 24) % 365
        return "%dy" % (hours // 24 // 365) if dy == 0 else "%dy%dd" % (hours // 24 // 365, dy)
    return "%dy" % (hours // 24 // 365)


def fake_uid(key):
    """A stable, uuid4-shaped uid."""
    return str(uuid.UUID(bytes=hashlib.md5(key.encode()).digest(), version=4))


# --------------------------------------------------------------------------
# Scenario data. Times are written as wall-clock strings on DAY; in "real"
# mode every time is shifted by (real now - T) when the scenario is loaded.

DAY = "2024-06-12"
T = DAY + "T10:48:30Z"  # the capture time of the fixed-clock scenarios

OLD = "ip-10-0-57-94.us-west-2.compute.internal"
NEW = "ip-10-0-142-31.us-west-2.compute.internal"
NODE_A = "ip-192-168-71-202.us-west-2.compute.internal"
NODE_B = "ip-192-168-34-17.us-west-2.compute.internal"
COREDNS = "coredns-5b8cc885bc-7xk2p"
STOREFRONT = "storefront-6d4f8b7c9-x2k4m"


def at(clock):
    return parse_time(DAY + "T" + clock + "Z")


def obj(kind, ns, name, api="v1", field_path=None):
    """An involvedObject reference, with a made-up uid and resourceVersion."""
    rv = 1700000 + int(hashlib.md5(name.encode()).hexdigest()[:5], 16) % 90000
    o = {"kind": kind, "namespace": ns, "name": name, "uid": fake_uid(kind + ns + name),
         "apiVersion": api, "resourceVersion": str(rv)}
    if field_path:
        o["fieldPath"] = field_path
    return o


def legacy(key, ns, involved, reason, message, first, last=None, count=1, etype="Normal",
           component="", host=""):
    """An event as written by client-go tools/record (core/v1 API)."""
    return {"key": key, "ns": ns, "involved": involved, "reason": reason, "message": message,
            "first": at(first), "last": at(last or first), "count": count, "type": etype,
            "component": component, "host": host}


def modern(key, ns, involved, reason, message, event_time, etype="Normal", controller="",
           instance="", action="", series=None):
    """An event as written by client-go tools/events (events.k8s.io API):
    no first/lastTimestamp, eventTime + optional series instead."""
    e = {"key": key, "ns": ns, "involved": involved, "reason": reason, "message": message,
         "event_time": at(event_time), "type": etype, "controller": controller,
         "instance": instance, "action": action}
    if series:
        e["series"] = {"count": series[0], "last_observed": at(series[1])}
    return e


def le(key, lease, component, holder, ident, when):
    return legacy(key, "kube-system", obj("Lease", "kube-system", lease, "coordination.k8s.io/v1"),
                  "LeaderElection", "%s_%s became leader" % (holder, ident), when,
                  component=component)


COREDNS_REF = obj("Pod", "kube-system", COREDNS, field_path="spec.containers{coredns}")
STOREFRONT_REF = obj("Pod", "shop", STOREFRONT)
# node-controller's reference: uid is the node name, no namespace, no resourceVersion
NODE_REF = {"kind": "Node", "name": NODE_A, "uid": NODE_A, "apiVersion": "v1"}


def without_field_path(ref):
    ref = dict(ref)
    ref.pop("fieldPath", None)
    return ref


INCIDENT = [
    legacy("node-not-ready", "default", NODE_REF, "NodeNotReady",
           "Node %s status is now: NodeNotReady" % NODE_A, "10:22:58.413098112",
           component="node-controller"),
    le("kcm-old", "kube-controller-manager", "kube-controller-manager", OLD,
       "6b1075f5-1057-4221-9f0e-2434d91f4eac", "09:58:22.771023411"),
    le("sched-old", "kube-scheduler", "default-scheduler", OLD,
       "735b162b-c329-4d6a-a494-52d3de58af87", "09:58:25.922847018"),
    le("kcm-new", "kube-controller-manager", "kube-controller-manager", NEW,
       "1f0c1c8e-7d2a-4b6e-9c3f-8a5d2e1b4c70", "10:22:05.118442731"),
    le("sched-new", "kube-scheduler", "default-scheduler", NEW,
       "9b2d4e7a-3c1f-4e8b-a6d5-7f0e2c9b1a34", "10:22:09.530719204"),
    legacy("coredns-unhealthy", "kube-system", COREDNS_REF, "Unhealthy",
           "Readiness probe failed: HTTP probe failed with statuscode: 503",
           "10:21:40.204733915", last="10:23:40", count=7, etype="Warning",
           component="kubelet", host=NODE_A),
    legacy("coredns-node-not-ready", "kube-system", without_field_path(COREDNS_REF), "NodeNotReady",
           "Node is not ready", "10:23:03.660251874", etype="Warning",
           component="node-controller"),
    modern("storefront-failedscheduling", "shop", STOREFRONT_REF, "FailedScheduling",
           "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, "
           "2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for "
           "scheduling, 2 No preemption victims found for incoming pod.",
           "10:22:51.337204118", etype="Warning", controller="default-scheduler",
           instance="default-scheduler-" + NEW, action="Scheduling",
           series=(4, "10:27:55.402113648")),
    modern("storefront-scheduled", "shop", STOREFRONT_REF, "Scheduled",
           "Successfully assigned shop/%s to %s" % (STOREFRONT, NODE_B), "10:28:02.118421507",
           controller="default-scheduler", instance="default-scheduler-" + NEW, action="Binding"),
    legacy("flags-reloaded", "shop", obj("ConfigMap", "shop", "storefront-flags"), "ConfigReloaded",
           "설정이 다시 로드되었습니다 (storefront-flags v42)", "10:40:12.840026691",
           component="storefront-config-watcher"),
    legacy("storefront-reconciled", "shop", obj("Storefront", "shop", "storefront", "shop.example.com/v1alpha1"),
           "Reconciled", "", "10:45:31.007715329", component="storefront-operator"),  # empty message
    legacy("storefront-deployed", "shop", obj("Deployment", "shop", "storefront", "apps/v1"), "Deployed",
           "deploy 🚀 done", "10:46:58.290577146", component="deploy-bot"),
    legacy("storefront-scaled", "shop", obj("Deployment", "shop", "storefront", "apps/v1"),
           "ScalingReplicaSet", "Scaled up replica set storefront-6d4f8b7c9 to 3 from 2",
           "10:47:02.551908377", component="deployment-controller"),
]

# Appears during `kubectl get events -A -w` (see SCENARIOS).
SANDBOX = legacy(
    "storefront-sandbox", "shop", obj("Pod", "shop", "storefront-6d4f8b7c9-p8r5t"),
    "FailedCreatePodSandBox",
    'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox '
    '"5c0b7d3e9a14f2c8b6e1d0a9f7c3b5e2d4a6c8e0f1b3d5a7c9e2f4b6d8a0c1e3": plugin type="aws-cni" '
    'name="aws-cni" failed (add): add cmd: Error received from AddNetwork gRPC call: rpc error: '
    'code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp '
    '127.0.0.1:50051: connect: connection refused"',
    "10:48:52.604118245", etype="Warning", component="kubelet", host=NODE_B)

MULTILINE = [
    legacy("app-started", "shop", obj("Pod", "shop", "reports-7f9c6d5b4-qk2vd",
                                      field_path="spec.containers{reports}"),
           "Started", "Started container reports\n", "10:41:07.118204662", component="kubelet",
           host=NODE_B),
    legacy("app-mount", "shop", obj("Pod", "shop", "reports-7f9c6d5b4-qk2vd"), "FailedMount",
           'MountVolume.SetUp failed for volume "exports" : mount failed: exit status 32\n'
           "Mounting command: mount\n"
           "Mounting arguments: -t nfs 10.0.3.7:/exports /var/lib/kubelet/pods/"
           "0b5e2c1d-8f3a-4d6b-9e7c-1a2b3c4d5e6f/volumes/kubernetes.io~nfs/exports\n"
           "Output: mount.nfs: Connection timed out",
           "10:39:55.724401938", last="10:46:01", count=4, etype="Warning", component="kubelet",
           host=NODE_B),
    legacy("line-one", "shop", obj("Job", "shop", "nightly-export", "batch/v1"), "Completed",
           "line one\nline two", "10:44:12.300918226", component="job-controller"),
    legacy("probe-tab", "shop", obj("Pod", "shop", "ledger-0", field_path="spec.containers{ledger}"),
           "Unhealthy", "Liveness probe failed: status\tdegraded", "10:45:20.017739904",
           etype="Warning", component="kubelet", host=NODE_B),
    legacy("ansi", "shop", obj("Pod", "shop", "ledger-0"), "Pulled",
           "\x1b[32mimage pulled\x1b[0m in 1.2s", "10:46:33.554120871", component="kubelet",
           host=NODE_B),
    legacy("kcm-new", "kube-system", obj("Lease", "kube-system", "kube-controller-manager",
                                         "coordination.k8s.io/v1"),
           "LeaderElection", "%s_1f0c1c8e-7d2a-4b6e-9c3f-8a5d2e1b4c70 became leader" % NEW,
           "10:22:05.118442731", component="kube-controller-manager"),
]

# Extra event for the real-clock scenario (`kubectl events`): a message with raw newlines.
LIVE_EXTRA = [MULTILINE[1]]

# A new event that appears during `kubectl events -A -w`.
LIVE_ADDED = legacy("coredns-killing", "kube-system", COREDNS_REF, "Killing",
                    "Container coredns failed liveness probe, will be restarted",
                    "10:48:32.118004312", etype="Normal", component="kubelet", host=NODE_A)

# Watch scripts: one batch of steps per WATCH request that continues from a
# list (resourceVersion set), or that starts without one (`kubectl events -w`).
# A step is (wall clock, watch type, event key, changes). In fixed-clock mode the
# stub's clock jumps to the step time; in real mode the stub sleeps until then.
SCENARIOS = {
    "incident": {
        "events": INCIDENT,
        "extra": [SANDBOX],
        "watch": [
            [("10:48:41", "MODIFIED", "coredns-unhealthy", {"count": 8}),
             ("10:48:52.9", "ADDED", "storefront-sandbox", {}),
             ("10:49:20", "MODIFIED", "storefront-sandbox", {"count": 2})],
            [("10:50:36", "MODIFIED", "coredns-unhealthy", {"count": 9})],
        ],
    },
    "multiline": {"events": MULTILINE, "extra": [], "watch": []},
    "live": {
        "events": INCIDENT + LIVE_EXTRA,
        "extra": [LIVE_ADDED],
        "watch": [
            [("10:48:32.5", "ADDED", "coredns-killing", {}),
             ("10:48:33.5", "MODIFIED", "coredns-unhealthy", {"count": 8})],
        ],
    },
}


# --------------------------------------------------------------------------
# The store.

class Store:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset("incident", T)

    def reset(self, scenario, now):
        with self.lock:
            sc = SCENARIOS[scenario]
            self.real = now == "real"
            base = parse_time(T)
            # In real mode, T is mapped to the current second of the real clock.
            self.shift = (time.time_ns() // NS * NS - base) if self.real else 0
            self.now = base + self.shift
            self.rv = 1905000
            self.events = {}
            self.pending = {}
            for e in sc["events"]:
                self.events[e["key"]] = self._materialize(e)
            for e in sc["extra"]:
                self.pending[e["key"]] = e
            self.batches = [list(b) for b in sc["watch"]]

    def clock(self):
        return time.time_ns() if self.real else self.now

    def _next_rv(self):
        self.rv += 7
        return str(self.rv)

    def _materialize(self, e):
        """Scenario entry -> core/v1 Event JSON (Go struct field order)."""
        s = self.shift
        inv = e["involved"]
        t0 = (e["first"] if "first" in e else e["event_time"]) + s
        name = "%s.%x" % (inv["name"], t0)  # recorder: <object name>.<hex UnixNano>
        ev = {
            "metadata": {"name": name, "namespace": e["ns"], "uid": fake_uid(e["key"] + str(t0)),
                         "resourceVersion": self._next_rv(), "creationTimestamp": fmt_time(t0)},
            "involvedObject": inv,
            "reason": e["reason"],
            "message": e["message"],
            "source": {},
            "firstTimestamp": None,
            "lastTimestamp": None,
            "type": e["type"],
            "eventTime": None,
            "reportingComponent": "",
            "reportingInstance": "",
        }
        if not e["message"]:
            del ev["message"]  # omitempty
        if "first" in e:
            ev["source"] = {k: v for k, v in (("component", e["component"]), ("host", e["host"])) if v}
            ev["firstTimestamp"] = fmt_time(e["first"] + s)
            ev["lastTimestamp"] = fmt_time(e["last"] + s)
            ev["count"] = e["count"]
            # since k8s 1.28 the legacy recorder also fills the reporting fields
            ev["reportingComponent"] = e["component"]
            ev["reportingInstance"] = e["host"]
        else:
            ev["eventTime"] = fmt_micro(t0)
            if "series" in e:
                ev["series"] = {"count": e["series"]["count"],
                                "lastObservedTime": fmt_micro(e["series"]["last_observed"] + s)}
            ev["action"] = e["action"]
            ev["reportingComponent"] = e["controller"]
            ev["reportingInstance"] = e["instance"]
        order = ["metadata", "involvedObject", "reason", "message", "source", "firstTimestamp",
                 "lastTimestamp", "count", "type", "eventTime", "series", "action", "related",
                 "reportingComponent", "reportingInstance"]
        return {k: ev[k] for k in order if k in ev}

    def apply_step(self, step):
        """Apply one watch step; return (type, event) to send."""
        clock, wtype, key, changes = step
        t = at(clock) + self.shift
        if self.real:
            while time.time_ns() < t:
                time.sleep(0.05)
        with self.lock:
            self.now = max(self.now, t)
            if wtype == "ADDED":
                ev = self._materialize(self.pending.pop(key))
                self.events[key] = ev
            else:
                ev = copy.deepcopy(self.events[key])
                ev.update(changes)
                ev["lastTimestamp"] = fmt_time(t)
                ev["metadata"]["resourceVersion"] = self._next_rv()
                self.events[key] = ev
            return wtype, copy.deepcopy(ev)

    def list(self, ns, selector):
        with self.lock:
            items = [copy.deepcopy(e) for e in self.events.values()
                     if (ns is None or e["metadata"]["namespace"] == ns) and matches(e, selector)]
            # etcd key order: /registry/events/<namespace>/<name>, compared as bytes
            items.sort(key=lambda e: (e["metadata"]["namespace"].encode(),
                                      e["metadata"]["name"].encode()))
            return items, str(self.rv)


def matches(ev, selector):
    """Field selector: comma-separated a.b=c, a.b==c or a.b!=c terms."""
    for term in filter(None, selector.split(",")):
        neg = "!=" in term
        path, value = term.replace("!=", "=").replace("==", "=").split("=", 1)
        cur = ev
        for part in path.split("."):
            cur = cur.get(part, "") if isinstance(cur, dict) else ""
        if (str(cur) == value) == neg:
            return False
    return True


def to_events_v1(ev):
    """core/v1 Event -> events.k8s.io/v1 Event, in Go struct order (kubernetes/api
    events/v1/types.go; mapping as in pkg/apis/events/v1/conversion.go). Strings and
    deprecatedCount are omitempty; regarding and deprecatedSource are structs and the
    three times are metav1 times, so those are always present (times may be null)."""
    out = {
        "metadata": ev["metadata"],
        "eventTime": ev["eventTime"],
        "series": ev.get("series"),
        "reportingController": ev["reportingComponent"],
        "reportingInstance": ev["reportingInstance"],
        "action": ev.get("action"),
        "reason": ev.get("reason"),
        "regarding": ev["involvedObject"],
        "related": ev.get("related"),
        "note": ev.get("message"),
        "type": ev.get("type"),
        "deprecatedSource": ev["source"],
        "deprecatedFirstTimestamp": ev["firstTimestamp"],
        "deprecatedLastTimestamp": ev["lastTimestamp"],
        "deprecatedCount": ev.get("count"),
    }
    always = ("metadata", "eventTime", "regarding", "deprecatedSource",
              "deprecatedFirstTimestamp", "deprecatedLastTimestamp")
    return {k: v for k, v in out.items() if k in always or v}


# --------------------------------------------------------------------------
# Server-side printing: printEvent (~v1.32) and the Table it goes into.

COLUMNS = [
    {"name": "Last Seen", "type": "string", "format": "", "priority": 0,
     "description": "The time at which the most recent occurrence of this event was recorded."},
    {"name": "Type", "type": "string", "format": "", "priority": 0,
     "description": "Type of this event (Normal, Warning), new types could be added in the future"},
    {"name": "Reason", "type": "string", "format": "", "priority": 0,
     "description": "This should be a short, machine understandable string that gives the reason for "
                    "the transition into the object's current status."},
    {"name": "Object", "type": "string", "format": "", "priority": 0,
     "description": "The object that this event is about."},
    {"name": "Subobject", "type": "string", "format": "", "priority": 1,
     "description": "If referring to a piece of an object instead of an entire object, this string "
                    "should contain a valid JSON/Go field access statement, such as "
                    "desiredState.manifest.containers[2]."},
    {"name": "Source", "type": "string", "format": "", "priority": 1,
     "description": "The component reporting this event. Should be a short machine understandable string."},
    {"name": "Message", "type": "string", "format": "", "priority": 0,
     "description": "A human-readable description of the status of this operation."},
    {"name": "First Seen", "type": "string", "format": "", "priority": 1,
     "description": "The time at which the event was first recorded. (Time of server receipt is in "
                    "TypeMeta.)"},
    {"name": "Count", "type": "string", "format": "", "priority": 1,
     "description": "The number of times this event has occurred."},
    {"name": "Name", "type": "string", "format": "name", "priority": 1,
     "description": "Name must be unique within a namespace."},
]


def age(stamp, now):
    if stamp is None:
        return "<unknown>"
    return human_duration(now - parse_time(stamp))


def print_event(ev, now):
    """printEvent with options.Wide = true (the apiserver always asks for wide)."""
    first = age(ev["firstTimestamp"], now)
    if ev["firstTimestamp"] is None:
        first = age(ev["eventTime"], now)
    last = age(ev["lastTimestamp"], now)
    if ev["lastTimestamp"] is None:
        last = first
    count = ev.get("count", 0)
    if "series" in ev:
        last = age(ev["series"]["lastObservedTime"], now)
        count = ev["series"]["count"]
    elif count == 0:
        count = 1
    inv = ev["involvedObject"]
    target = inv["kind"].lower()
    if inv.get("name"):
        target += "/" + inv["name"]
    component = ev["source"].get("component") or ev["reportingComponent"]
    host = ev["source"].get("host") or ev["reportingInstance"]
    source = component + ", " + host if host else component
    return [last, ev.get("type", ""), ev.get("reason", ""), target, inv.get("fieldPath", ""),
            source, ev.get("message", "").strip(), first, count, ev["metadata"]["name"]]


def table(events, rv, now, include, headers=True):
    rows = []
    for ev in events:
        if include == "Object":
            o = dict({"kind": "Event", "apiVersion": "v1"}, **ev)
        elif include == "None":
            o = None
        else:  # Metadata (default)
            o = {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                 "metadata": ev["metadata"]}
        rows.append({"cells": print_event(ev, now), "object": o})
    return {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": rv},
            "columnDefinitions": COLUMNS if headers else None, "rows": rows}


# --------------------------------------------------------------------------
# Other objects: discovery, a Pod for `kubectl describe pod`.

API_VERSIONS = {"kind": "APIVersions", "versions": ["v1"],
                "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]}
EVENTS_GV = {"groupVersion": "events.k8s.io/v1", "version": "v1"}
API_GROUPS = {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
    {"name": "events.k8s.io", "versions": [EVENTS_GV], "preferredVersion": EVENTS_GV}]}
VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
EVENTS_V1 = {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "events.k8s.io/v1",
             "resources": [{"name": "events", "singularName": "event", "namespaced": True,
                            "kind": "Event", "verbs": VERBS, "shortNames": ["ev"],
                            "storageVersionHash": "r2yiGXH7wu8="}]}
CORE_V1 = {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
    {"name": "events", "singularName": "event", "namespaced": True, "kind": "Event", "verbs": VERBS,
     "shortNames": ["ev"], "storageVersionHash": "r2yiGXH7wu8="},
    {"name": "pods", "singularName": "pod", "namespaced": True, "kind": "Pod", "verbs": VERBS,
     "shortNames": ["po"], "categories": ["all"], "storageVersionHash": "xPOwRZ+Yhw8="},
]}
# Keep this at 1.32: /usr/bin/kubectl (the gcloud dispatcher) reads /version and runs
# the bundled kubectl.1.NN matching the server's minor version.
VERSION = {"major": "1", "minor": "32", "gitVersion": "v1.32.4-eks-1234567", "gitCommit":
           "59526cd4867447956156ae3a602fcbac10a2c335", "gitTreeState": "clean",
           "buildDate": "2025-04-15T20:06:51Z", "goVersion": "go1.23.6", "compiler": "gc",
           "platform": "linux/amd64"}


def coredns_pod(shift):
    def t(clock, day="2024-06-07"):
        return fmt_time(parse_time(day + "T" + clock + "Z") + shift)
    uid = COREDNS_REF["uid"]
    return {
        "kind": "Pod", "apiVersion": "v1",
        "metadata": {
            "name": COREDNS, "generateName": "coredns-5b8cc885bc-", "namespace": "kube-system",
            "uid": uid, "resourceVersion": COREDNS_REF["resourceVersion"],
            "creationTimestamp": t("08:14:51"),
            "labels": {"eks.amazonaws.com/component": "coredns", "k8s-app": "kube-dns",
                       "pod-template-hash": "5b8cc885bc"},
            "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet",
                                 "name": "coredns-5b8cc885bc", "uid": fake_uid("rs-coredns"),
                                 "controller": True, "blockOwnerDeletion": True}],
        },
        "spec": {
            "volumes": [
                {"name": "config-volume", "configMap": {"name": "coredns", "items": [
                    {"key": "Corefile", "path": "Corefile"}], "defaultMode": 420}},
                {"name": "kube-api-access-7qk5c", "projected": {"sources": [
                    {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                    {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
                    {"downwardAPI": {"items": [{"path": "namespace", "fieldRef": {
                        "apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}}],
                    "defaultMode": 420}},
            ],
            "containers": [{
                "name": "coredns",
                "image": "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.11.1-eksbuild.9",
                "args": ["-conf", "/etc/coredns/Corefile"],
                "ports": [{"name": "dns", "containerPort": 53, "protocol": "UDP"},
                          {"name": "dns-tcp", "containerPort": 53, "protocol": "TCP"},
                          {"name": "metrics", "containerPort": 9153, "protocol": "TCP"}],
                "resources": {"limits": {"memory": "170Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}},
                "volumeMounts": [
                    {"name": "config-volume", "readOnly": True, "mountPath": "/etc/coredns"},
                    {"name": "kube-api-access-7qk5c", "readOnly": True,
                     "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"}],
                "livenessProbe": {"httpGet": {"path": "/health", "port": 8080, "scheme": "HTTP"},
                                  "initialDelaySeconds": 60, "timeoutSeconds": 5, "periodSeconds": 10,
                                  "successThreshold": 1, "failureThreshold": 5},
                "readinessProbe": {"httpGet": {"path": "/ready", "port": 8181, "scheme": "HTTP"},
                                   "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1,
                                   "failureThreshold": 3},
                "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
                "imagePullPolicy": "IfNotPresent",
            }],
            "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "Default",
            "serviceAccountName": "coredns", "serviceAccount": "coredns", "nodeName": NODE_A,
            "securityContext": {}, "schedulerName": "default-scheduler",
            "tolerations": [
                {"key": "CriticalAddonsOnly", "operator": "Exists"},
                {"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"},
                {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute",
                 "tolerationSeconds": 300},
                {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
                 "tolerationSeconds": 300}],
            "priorityClassName": "system-cluster-critical", "priority": 2000000000,
            "enableServiceLinks": True, "preemptionPolicy": "PreemptLowerPriority",
        },
        "status": {
            "phase": "Running",
            "conditions": [
                {"type": "PodReadyToStartContainers", "status": "True", "lastTransitionTime": t("08:14:55")},
                {"type": "Initialized", "status": "True", "lastTransitionTime": t("08:14:51")},
                {"type": "Ready", "status": "False", "lastTransitionTime": t("10:22:58", DAY)},
                {"type": "ContainersReady", "status": "True", "lastTransitionTime": t("10:24:10", DAY)},
                {"type": "PodScheduled", "status": "True", "lastTransitionTime": t("08:14:51")}],
            "hostIP": "192.168.71.202", "hostIPs": [{"ip": "192.168.71.202"}],
            "podIP": "192.168.77.41", "podIPs": [{"ip": "192.168.77.41"}],
            "startTime": t("08:14:51"),
            "containerStatuses": [{
                "name": "coredns", "state": {"running": {"startedAt": t("08:14:54")}},
                "lastState": {}, "ready": True, "restartCount": 0,
                "image": "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.11.1-eksbuild.9",
                "imageID": "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns@sha256:"
                           "6b6f0d1d1b4f2c2b8e51dbc1f8f3c7f8e0c7ab0b8e8fbd1e3ac2c4b6d1b0f7a2",
                "containerID": "containerd://9f2d1c0b8a7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c",
                "started": True}],
            "qosClass": "Burstable",
        },
    }


# --------------------------------------------------------------------------
# HTTP.

STORE = Store()


def status(code, reason, message):
    return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": message, "reason": reason, "code": code}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log = None

    def log_message(self, fmt, *args):
        if self.log:
            self.log.write("%s %s\n" % (time.strftime("%H:%M:%S"), fmt % args))
            self.log.flush()

    def send_json(self, body, code=200):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/_stub/reset":
            STORE.reset(q["scenario"], q["now"])
        elif url.path == "/_stub/clock":
            STORE.now = parse_time(q["now"])
        else:
            return self.send_json(status(405, "MethodNotAllowed", "read-only stub"), 405)
        self.send_json({"now": fmt_micro(STORE.clock()), "T": fmt_time(parse_time(T) + STORE.shift)})

    def do_GET(self):
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        parts = url.path.strip("/").split("/")
        accept = self.headers.get("Accept", "")
        if self.log:
            self.log.write("  Accept: %s\n" % accept)
        if url.path == "/version":
            return self.send_json(VERSION)
        if url.path == "/api":
            return self.send_json(API_VERSIONS)
        if url.path == "/apis":
            return self.send_json(API_GROUPS)
        if url.path == "/api/v1":
            return self.send_json(CORE_V1)
        if url.path == "/apis/events.k8s.io/v1":
            return self.send_json(EVENTS_V1)
        # /api/v1/events, /api/v1/namespaces/<ns>/events, .../pods/<name>,
        # and the same events under /apis/events.k8s.io/v1
        group = parts[:3] == ["apis", "events.k8s.io", "v1"]
        base = 3 if group else 2 if parts[:2] == ["api", "v1"] else len(parts)
        ns, rest = None, parts[base:]
        if rest[:1] == ["namespaces"] and len(rest) >= 3:
            ns, rest = rest[1], rest[2:]
        if group:
            if rest != ["events"] or "as=Table" in accept or q.get("watch") in ("true", "1"):
                return self.send_json(status(404, "NotFound", "the stub serves only lists here"), 404)
            items, rv = STORE.list(ns, q.get("fieldSelector", ""))
            return self.send_json({"kind": "EventList", "apiVersion": "events.k8s.io/v1",
                                   "metadata": {"resourceVersion": rv},
                                   "items": [to_events_v1(e) for e in items]})
        if rest == ["pods", COREDNS] and ns == "kube-system":
            return self.send_json(coredns_pod(STORE.shift))
        if rest[:1] == ["pods"]:
            name = rest[1] if len(rest) > 1 else ""
            return self.send_json(status(404, "NotFound", 'pods "%s" not found' % name), 404)
        if rest != ["events"]:
            return self.send_json(status(404, "NotFound", "the server could not find the requested resource"), 404)
        as_table = "as=Table" in accept
        include = q.get("includeObject", "Metadata")
        if q.get("watch") in ("true", "1"):
            return self.watch(ns, q, as_table, include)
        items, rv = STORE.list(ns, q.get("fieldSelector", ""))
        if as_table:
            return self.send_json(table(items, rv, STORE.clock(), include))
        self.send_json({"kind": "EventList", "apiVersion": "v1", "metadata": {"resourceVersion": rv},
                        "items": items})

    def watch(self, ns, q, as_table, include):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        first = [True]

        def send(wtype, ev):
            if as_table:
                # The apiserver sends column definitions only with the first watch
                # event (tableOptions.NoHeaders is set after it).
                o = table([ev], ev["metadata"]["resourceVersion"], STORE.clock(), include, first[0])
                first[0] = False
            else:
                o = dict({"kind": "Event", "apiVersion": "v1"}, **ev)
            line = json.dumps({"type": wtype, "object": o}, ensure_ascii=False).encode() + b"\n"
            self.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
            self.wfile.flush()

        if not q.get("resourceVersion"):
            # No resourceVersion: synthetic ADDED for the current state, in key order.
            for ev in STORE.list(ns, q.get("fieldSelector", ""))[0]:
                send("ADDED", ev)
        batch = STORE.batches.pop(0) if STORE.batches else []
        for step in batch:
            time.sleep(0.3)
            wtype, ev = STORE.apply_step(step)
            if (ns is None or ev["metadata"]["namespace"] == ns) and matches(ev, q.get("fieldSelector", "")):
                send(wtype, ev)
        time.sleep(0.3)
        # Close the watch, as an apiserver restart or a watch timeout would.
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        self.close_connection = True


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--port", type=int, default=18080)
    p.add_argument("--log", help="append a request log here")
    args = p.parse_args()
    if args.log:
        Handler.log = open(args.log, "a", encoding="utf-8")
    srv = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("stub listening on http://127.0.0.1:%d" % args.port, file=sys.stderr, flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
