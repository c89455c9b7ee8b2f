// Durations in plain words for titles and tables: "45 s", "2 min", "1 h 5 min", "3 d 4 h".
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function durationText(ms: number): string {
  if (ms < MINUTE) return `${Math.max(0, Math.round(ms / SECOND))} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) return join(Math.floor(ms / HOUR), 'h', Math.round((ms % HOUR) / MINUTE), 'min');
  return join(Math.floor(ms / DAY), 'd', Math.round((ms % DAY) / HOUR), 'h');
}

/** An upper bound in whole minutes, for "within 2 min". */
export function withinText(ms: number): string {
  return ms <= MINUTE ? '1 min' : durationText(Math.ceil(ms / MINUTE) * MINUTE);
}

function join(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor > 0 ? `${major} ${majorUnit} ${minor} ${minorUnit}` : `${major} ${majorUnit}`;
}
