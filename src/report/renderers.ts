// Every report renderer by format name: pure functions of the report model.
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './report-model.js';

export const renderers = {
  md: renderMarkdown,
  html: renderHtml,
  json: (report: Report) => `${JSON.stringify(report, null, 2)}\n`,
} satisfies Record<string, (report: Report) => string>;

export type ReportFormat = keyof typeof renderers;
export const reportFormats = Object.keys(renderers) as ReportFormat[];
