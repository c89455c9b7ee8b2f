// Every input format, in the order detection breaks ties.
import { jsonEvents } from './json-events.js';
import { kubectlText } from './kubectl-text.js';
import { yamlEvents } from './yaml-events.js';

export const inputFormats = [kubectlText, jsonEvents, yamlEvents] as const;

export type InputFormatId = (typeof inputFormats)[number]['id'];
