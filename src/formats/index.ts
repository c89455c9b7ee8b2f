// Every input format, in the order detection breaks ties.
import { kubectlText } from './kubectl-text.js';

export const inputFormats = [kubectlText] as const;

export type InputFormatId = (typeof inputFormats)[number]['id'];
