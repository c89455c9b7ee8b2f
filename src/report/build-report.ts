// Findings, inputs and evidence into the report model: the one place that decides what a
// report says. Renderers only lay it out.
import type { Analysis } from '../analysis/analyze.js';
import { lockName } from '../analysis/election-clusters.js';
import { regionOfHost } from '../analysis/holder-identity.js';
import { captureOriginLabel } from '../model/capture-anchor.js';
import { evidenceKey, type EvidenceIndex } from '../model/evidence.js';
import type { ErrorWindow, Incident, LeaderElectionCluster, MeasuredOutage } from '../model/findings.js';
import type { InputSummary, UnreadableInput } from '../model/input-summary.js';
import type { OtherEvents } from '../model/other-events.js';
import type { Provenance } from '../model/provenance.js';
import type { TimeSpan } from '../model/time-span.js';
import { durationText } from '../time/index.js';
import { ReportSchema, type IsoSpan, type Report } from './report-model.js';

export interface ReportContext {
  analysis: Analysis;
  inputs: readonly InputSummary[];
  unreadable: readonly UnreadableInput[];
  evidence: EvidenceIndex;
  /** batch: how many inputs of the group were read besides those listed. */
  inputsNotListed?: number;
  /** batch: the events no finding needs, counted and dropped before the analysis. */
  otherEvents?: OtherEvents;
  settings: { gap: number; correlate: number; ignoredReasons: readonly string[]; displayZone: string; inputZone: string; capturedAt: TimeSpan | null };
  title: string | null;
  cluster: string | null;
  generatedAt: number;
  version: string;
}

/** How many evidence lines a finding shows before "and N more". */
export const evidenceCap = 12;

export function buildReport(context: ReportContext): Report {
  const { analysis } = context;
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'kube-postmortem', version: context.version },
    generatedAt: iso(context.generatedAt),
    title: context.title ?? analysis.incidents[0]?.title ?? 'No incident found in the inputs',
    cluster: context.cluster,
    settings: {
      gapMs: context.settings.gap,
      correlateMs: context.settings.correlate,
      ignoredReasons: [...context.settings.ignoredReasons],
      displayZone: context.settings.displayZone,
      inputZone: context.settings.inputZone,
      capturedAt: context.settings.capturedAt ? iso(context.settings.capturedAt.earliest) : null,
    },
    inputs: context.inputs.map((input) => ({
      path: input.path,
      size: input.size,
      sha256: input.sha256,
      format: input.format,
      shapes: input.shapes,
      ...(input.regions.length > 1 ? { regions: input.regions } : {}),
      encoding: input.encoding,
      capturedAt: input.captures.map((capture) => isoSpan(capture.at)),
      capturedAtSource: input.captures.map((capture) => capture.origin),
      lines: input.accounting,
    })),
    unreadable: context.unreadable.map(({ path, reason }) => ({ path, reason })),
    ...(context.inputsNotListed ? { inputsNotListed: context.inputsNotListed } : {}),
    events: {
      total: analysis.events.length,
      duplicatesMerged: analysis.duplicatesMerged,
      untimed: analysis.untimed,
      ...(context.otherEvents ? { otherCopies: context.otherEvents.copies } : {}),
    },
    incidents: analysis.incidents.map((incident) => incidentEntry(incident, context)),
    leaderElectionClusters: analysis.clusters.map((cluster) => clusterEntry(cluster, context.evidence)),
    errorWindows: analysis.windows.map((window) => windowEntry(window, context.evidence)),
    supportCase: supportCase(context),
    caveats: caveats(context),
  };
  return ReportSchema.parse(report);
}

function incidentEntry(incident: Incident, context: ReportContext): Report['incidents'][number] {
  const clusters = context.analysis.clusters.filter((cluster) => incident.clusters.includes(cluster.id));
  const windows = context.analysis.windows.filter((window) => incident.windows.includes(window.id));
  return {
    id: incident.id,
    title: incident.title,
    start: isoSpan(incident.start),
    end: isoSpan(incident.end),
    durationMs: incident.duration,
    leaderElectionClusters: incident.clusters,
    errorWindows: incident.windows,
    what: whatChanged(clusters),
    impact: impactOf(windows),
    precision: precisionOf([...clusters, ...windows], context.inputs),
  };
}

function whatChanged(clusters: readonly LeaderElectionCluster[]): string {
  if (clusters.length === 0) return 'No leader election was recorded in the inputs around this time.';
  return clusters
    .map((cluster) => {
      const locks = [...new Set(cluster.locks.filter((lock) => lock.elections > 0).map((lock) => lock.lock.name ?? lockName(lock.lock)))];
      const regions = regionsOf(cluster);
      const where = `${cluster.hosts.length === 1 ? 'host' : 'hosts'} ${cluster.hosts.join(', ')}${regions.length > 0 ? ` (${regions.join(', ')})` : ''}`;
      return `${locks.join(', ')} changed leader on ${where}: ${cluster.verdict}, because ${cluster.because}.`;
    })
    .join(' ');
}

function impactOf(windows: readonly ErrorWindow[]): string {
  if (windows.length === 0) return 'No Warning events were recorded in the inputs around this time; probe logs would show whether the API was reachable.';
  return windows
    .map((window) => {
      if (window.outage) return outageSentence(window.outage);
      const reasons = window.reasons.map((reason) => `${reason.name} ×${reason.count}`).join(', ');
      const objects = window.objects.slice(0, 3).map((object) => object.name).join(', ');
      return `${window.occurrences} Warning events (${reasons}) on ${objects}${window.objects.length > 3 ? ' and more' : ''}.`;
    })
    .join(' ');
}

/** The outage a retry loop measured, in one sentence with its bounds. */
export function outageSentence(outage: MeasuredOutage): string {
  const at = (span: TimeSpan) => new Date(span.earliest).toISOString().replace('.000Z', 'Z');
  const before = outage.lastSuccessBefore ? `it last answered at ${at(outage.lastSuccessBefore)}, ` : '';
  const after = outage.firstSuccessAfter ? `, and answered again at ${at(outage.firstSuccessAfter)}` : ', and had not answered again when the log ends';
  const resolution = outage.interval ? ` (one sample every ${durationText(outage.interval)})` : '';
  const shortest = outage.lastFailure.earliest - outage.firstFailure.latest;
  const longest = (outage.firstSuccessAfter?.latest ?? outage.lastFailure.latest) - (outage.lastSuccessBefore?.earliest ?? outage.firstFailure.earliest);
  return `kubectl could not reach the API: ${before}failed ${outage.failedSamples} times from ${at(outage.firstFailure)} to ${at(outage.lastFailure)}${after}; the outage lasted ${durationText(Math.max(0, shortest))} to ${durationText(longest)}${resolution}.`;
}

function precisionOf(findings: readonly (LeaderElectionCluster | ErrorWindow)[], inputs: readonly InputSummary[]): string {
  const widest = Math.max(0, ...findings.flatMap((finding) => [finding.start.latest - finding.start.earliest, finding.end.latest - finding.end.earliest]));
  if (widest < 1000) return 'Times are exact to the second: the inputs carried timestamps.';
  const origins = [...new Set(inputs.flatMap((input) => input.captures.map((capture) => captureOriginLabel[capture.origin])))];
  const from = origins.length > 0 ? `, measured from ${origins.join(' and ')}` : '';
  return `Times are known to within ${durationText(widest)}: the inputs held relative ages${from}.`;
}

function clusterEntry(cluster: LeaderElectionCluster, evidence: EvidenceIndex): Report['leaderElectionClusters'][number] {
  const unknown = cluster.regions.find((region) => region.kind === 'unknown');
  return {
    id: cluster.id,
    start: isoSpan(cluster.start),
    end: isoSpan(cluster.end),
    verdict: cluster.verdict,
    because: cluster.because,
    hosts: cluster.hosts,
    regions: regionsOf(cluster),
    regionUnknownBecause: regionsOf(cluster).length === 0 && unknown?.kind === 'unknown' ? unknown.reason : null,
    locks: cluster.locks.map((lock) => {
      const region = lock.host ? regionOfHost(lock.host) : null;
      return {
        kind: lock.lock.kind,
        name: lock.lock.name,
        namespace: lock.lock.namespace,
        holder: lock.holder,
        host: lock.host,
        region: region?.kind === 'region' ? region.region : null,
        previousHost: lock.previousHost,
        elections: lock.elections,
        elected: isoSpan(lock.span),
      };
    }),
    evidence: evidenceOf(cluster.evidence, evidence),
  };
}

function windowEntry(window: ErrorWindow, evidence: EvidenceIndex): Report['errorWindows'][number] {
  return {
    id: window.id,
    start: isoSpan(window.start),
    end: isoSpan(window.end),
    occurrences: window.occurrences,
    reasons: window.reasons.map(({ name, count, share }) => ({ reason: name, count, share })),
    namespaces: window.namespaces,
    objects: window.objects,
    outage: window.outage && {
      lastSuccessBefore: window.outage.lastSuccessBefore && isoSpan(window.outage.lastSuccessBefore),
      firstFailure: isoSpan(window.outage.firstFailure),
      lastFailure: isoSpan(window.outage.lastFailure),
      firstSuccessAfter: window.outage.firstSuccessAfter && isoSpan(window.outage.firstSuccessAfter),
      failedSamples: window.outage.failedSamples,
      intervalMs: window.outage.interval,
      summary: outageSentence(window.outage),
    },
    evidence: evidenceOf(window.evidence, evidence),
  };
}

function evidenceOf(copies: readonly Provenance[], evidence: EvidenceIndex): Report['errorWindows'][number]['evidence'] {
  const lines = copies.flatMap((copy) => evidence.get(evidenceKey(copy.path, copy.line)) ?? [{ path: copy.path, line: copy.line, text: '' }]);
  return {
    lines: lines.slice(0, evidenceCap).map((line) => ({ at: `${line.path}:${line.line}`, text: line.text })),
    more: Math.max(0, lines.length - evidenceCap),
  };
}

function supportCase(context: ReportContext): Report['supportCase'] {
  const { analysis } = context;
  const incident = analysis.incidents.find((candidate) => candidate.clusters.length > 0) ?? analysis.incidents[0];
  if (!incident) return null;
  const clusters = analysis.clusters.filter((cluster) => incident.clusters.includes(cluster.id));
  const region = clusters.flatMap(regionsOf)[0] ?? null;
  const window = { earliest: incident.start.earliest, latest: incident.end.latest };
  const between = `between ${iso(window.earliest)} and ${iso(window.latest)} UTC`;
  const failover = clusters.some((cluster) => cluster.verdict === 'control-plane-failover');
  return {
    cluster: context.cluster,
    region,
    window: isoSpan(window),
    observed: incident.title,
    question: failover
      ? `Did a control-plane fail-over occur ${between}? Which control-plane instances were replaced, and why?`
      : `Was the control plane degraded ${between}?`,
  };
}

function caveats(context: ReportContext): string[] {
  const { analysis, settings, otherEvents } = context;
  const said = [
    `Signals within ${durationText(settings.gap)} of each other form one cluster or window (--gap); clusters and windows within ${durationText(settings.correlate)} form one incident (--correlate).`,
    'Tables give ages, not times: an age like "60m" means between 60 and 61 minutes before the capture, and every time here is such a span.',
    analysis.probes.length > 0
      ? `${analysis.probes.length} kubectl retry-loop samples were read; an outage measured by them is known to within one sampling interval.`
      : 'Events show what the cluster recorded, not when the API was unreachable: kubectl retry-loop logs and control-plane logs would show that, and none were read.',
  ];
  if (settings.ignoredReasons.length > 0) said.push(`Warnings with reason ${settings.ignoredReasons.join(', ')} were left out (--ignore-reason).`);
  if (analysis.untimed > 0) said.push(`${analysis.untimed} events have no time (printed as <unknown>, or the row lost it) and are in no finding.`);
  if (otherEvents && otherEvents.untimed > 0) said.push(`${otherEvents.untimed} copies of other events have no time (printed as <unknown>).`);
  if (context.inputs.some((input) => input.captures.some((capture) => capture.origin === 'file-mtime' || capture.origin === 'read-time'))) {
    said.push('Some ages were measured from a file modification time or from when stdin was read, which may not be when the dump was taken; --captured-at fixes that.');
  }
  if (otherEvents?.watch || analysis.events.some((event) => event.notes.some((note) => note.startsWith('printed by a watch')))) {
    said.push('Some tables came from a watch (-w): rows added after the initial list have ages relative to when they were printed.');
  }
  if (context.unreadable.length > 0) said.push(`${context.unreadable.length} inputs could not be read (listed under Inputs).`);
  return said;
}

function regionsOf(cluster: LeaderElectionCluster): string[] {
  return cluster.regions.flatMap((region) => (region.kind === 'region' ? [region.region] : []));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function isoSpan(span: TimeSpan): IsoSpan {
  return { earliest: iso(span.earliest), latest: iso(span.latest) };
}
