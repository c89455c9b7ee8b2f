// Every input format, in the order detection breaks ties.
import { cloudwatchLogs } from './cloudwatch-logs.js';
import { jsonEvents } from './json-events.js';
import { klog } from './klog.js';
import { kubectlText } from './kubectl-text.js';
import { probeSamples } from './probe-samples.js';
import { yamlEvents } from './yaml-events.js';

export const inputFormats = [kubectlText, jsonEvents, yamlEvents, klog, cloudwatchLogs, probeSamples] as const;

export type InputFormatId = (typeof inputFormats)[number]['id'];
