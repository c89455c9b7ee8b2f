// Lines around event tables in saved terminal output: prompts, `date` lines, separators,
// Markdown, kubectl's own messages, log lines. Recognising them is what lets a table be
// found in a retry loop's log or a pasted ticket without turning them into events.
import type { SkipReason } from '../../model/line-accounting.js';
import type { TimeSpan } from '../../model/time-span.js';
import { parseDateLine } from '../../time/index.js';

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'date'; at: TimeSpan; zoneNote?: string }
  | { kind: 'events-section'; rest: string }
  | { kind: 'dash-underline' }
  | { kind: 'describe-field'; key: string; value: string; indented: boolean }
  | { kind: 'text' };

/** Event messages reach 64 kB (formats.md §4.2); wide padding adds a little more. */
export const maxLineLength = 256 * 1024;

const kubectlCommand =
  '(?:sudo\\s+)?(?:kubectl|kubecolor|oc|k|\\./kubectl)\\s+(?:-\\S+\\s+)*(?:get|describe|events|logs|top|config|version|apply|delete|rollout|cluster-info|api-resources|auth|exec|port-forward|alpha)\\b';
const shellCommand =
  '(?:while|until|for|if)\\s.*|(?:do|done|then|else|fi|esac)\\s*|(?:echo|sleep|date|watch|cat|tail|grep|aws|eksctl|gcloud|az|helm)(?:\\s.*)?';
const promptedCommand = `(?:${kubectlCommand}|${shellCommand}|\\./\\S+)`;

const promptPatterns: readonly RegExp[] = [
  // `$ kubectl ...`, `» kubectl ...`, `% ...`, `❯ ...`, a lone `$`.
  /^\s*[$%»❯➜]($|\s)/u,
  new RegExp(`^\\s*[>#]\\s*${promptedCommand}`, 'u'),
  // user@host:~/dir$ cmd, [root@host ~]# cmd, host:~ user$ cmd, bash-5.0# cmd, PS C:\> cmd
  /^[\w.-]+@[\w.-]+(?::\S*)?\s?[$#%]\s/u,
  /^\[[^\]]+\][$#%]\s/u,
  /^[\w.-]+:\S*\s+[\w.-]+[$#%](\s|$)/u,
  /^(?:ba|z|k)?sh(?:-[\d.]+)?[$#%]\s/u,
  /^PS [^>]*>\s/u,
];

/** A command typed without a prompt; its words would otherwise pass for a namespace. */
const bareCommand = new RegExp(`^\\s*(?:${kubectlCommand}|${shellCommand})$`, 'u');
/** `watch 5m Normal ...`: a row whose namespace happens to be a command word. */
const rowStart = /^\s*\S+\s+\d+[smhdy]/u;

const kubectlMessage =
  /^\s*(?:No resources found|No events found|error: |Error from server|The connection to the server .* was refused|Unable to connect to the server|[Ww]arning: |W\d{4} .* warnings\.go|unable to recognize|the server doesn't have a resource type)/u;

const logLevel = '(?:INFO|DEBUG|WARN|WARNING|ERROR|FATAL|INF|DBG|WRN|ERR|FTL)';
// klog headers, timestamped zap/zerolog lines (ISO or epoch-float times), docker json-file
// wrappers; pasted into Markdown they may start with a backtick.
const logLine = new RegExp(
  '^\\s*[`\'"]?(?:' +
    [
      '[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+ [\\w.-]+:\\d+\\]',
      `\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?\\s+${logLevel}\\b`,
      `\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?\\s+${logLevel}\\b`,
      '\\{"log":"',
    ].join('|') +
    ')',
  'u',
);

export function lineKind(line: string, inputZone: string): LineKind {
  if (line.trim() === '') return { kind: 'blank' };
  if (line.length > maxLineLength) return { kind: 'skipped', reason: 'too-long' };
  // Tabs separate cells; any other control character means the text is damaged or binary.
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/u.test(line)) return { kind: 'skipped', reason: 'control-characters' };
  if (/^\s*(?:```|~~~)/u.test(line)) return { kind: 'skipped', reason: 'markdown' };
  if (promptPatterns.some((pattern) => pattern.test(line)) || (bareCommand.test(line) && !rowStart.test(line))) {
    return { kind: 'skipped', reason: 'shell-prompt' };
  }
  if (/^\s*(?:#{1,6}\s|>\s*$|>\s)/u.test(line)) return { kind: 'skipped', reason: 'markdown' };
  const date = parseDateLine(line, inputZone);
  if (date) return { kind: 'date', ...date };
  if (kubectlMessage.test(line)) return { kind: 'skipped', reason: 'kubectl-message' };
  if (logLine.test(line)) return { kind: 'skipped', reason: 'log-line' };
  const section = /^\s*Events:(?<rest>.*)$/u.exec(line);
  if (section) return { kind: 'events-section', rest: section.groups!.rest!.trim() };
  if (/^\s*-+(?:\s+-+)+\s*$/u.test(line)) return { kind: 'dash-underline' };
  if (/^\s*(?:[-=_*~+#.]\s?){3,}$/u.test(line) || /^\s*-{2,}\s*\S.*-{2,}\s*$/u.test(line)) {
    return { kind: 'skipped', reason: 'separator' };
  }
  const field = /^\s*(?<key>[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*):(?:\s+(?<value>\S.*?))?\s*$/u.exec(line);
  if (field) {
    return { kind: 'describe-field', key: field.groups!.key!, value: field.groups!.value ?? '', indented: /^\s/u.test(line) };
  }
  return { kind: 'text' };
}
