// Every input format, in the order detection breaks ties.
import { kubectlText } from './kubectl-text.js';
import { yamlEvents } from './yaml-events.js';

export const inputFormats = [kubectlText, yamlEvents] as const;

export type InputFormatId = (typeof inputFormats)[number]['id'];
