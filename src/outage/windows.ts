import { digestOfSet } from '../digest.js';
import { countWhile } from '../search.js';

/** @internal One incident, read. */
export interface ParsedIncident {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** @internal An outage window: merged incidents, with its place in time order and its id. */
export interface Window {
  readonly index: number;
  /** `w-` and the first 32 hex digits of the SHA-256 of its incident ids (see {@link windowId}). */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Its incident ids, sorted. */
  readonly ids: readonly string[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @internal A window's id: `w-` and the first 32 hex digits (128 bits) of the SHA-256 of its
 * incident ids as a set. Deterministic, 34 characters whatever the ids, and the same for the
 * same incidents in any request.
 */
export function windowId(incidentIds: readonly string[]): string {
  return `w-${digestOfSet(incidentIds).slice(0, 32)}`;
}

/** @internal Incidents merged into windows (overlapping or touching ones become one), in time order. */
export function mergeIntoWindows(incidents: readonly ParsedIncident[]): Window[] {
  const sorted = [...incidents].sort((a, b) => a.start - b.start || a.end - b.end || byString(a.id, b.id));
  const merged: { start: number; end: number; ids: string[] }[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) {
      last.end = Math.max(last.end, i.end);
      last.ids.push(i.id);
    } else merged.push({ start: i.start, end: i.end, ids: [i.id] });
  }
  return merged.map((w, index) => {
    const ids = w.ids.sort(byString);
    return { index, id: windowId(ids), start: w.start, end: w.end, ids };
  });
}

/**
 * @internal The windows of a request, indexed: by time (starts and ends both ascend, windows
 * being disjoint), by incident id and by window id, and with a range maximum of any per-window
 * number (a sparse table, built in O(n log n), answered in O(1)).
 */
export class WindowIndex {
  readonly windows: readonly Window[];
  private readonly byIncident = new Map<string, number>();
  private readonly byId = new Map<string, number>();

  constructor(windows: readonly Window[]) {
    this.windows = windows;
    for (const w of windows) {
      this.byId.set(w.id, w.index);
      for (const id of w.ids) this.byIncident.set(id, w.index);
    }
  }

  /** The number of windows whose `key` (start or end) is below `limit` (`inclusive`: at most `limit`). */
  countBefore(key: 'start' | 'end', limit: number, inclusive = false): number {
    return countWhile(this.windows.length, (i) => {
      const value = this.windows[i]?.[key] ?? 0;
      return value < limit || (inclusive && value === limit);
    });
  }

  /** The window holding an instant (`start ≤ t < end`), if any. */
  at(t: number): Window | undefined {
    const w = this.windows[this.countBefore('start', t, true) - 1];
    return w && t < w.end ? w : undefined;
  }

  /**
   * The indexes of the windows a list of remedies answers: a window is answered when any of its
   * incidents, or its own id, is named (a remedy for one incident of a window answers the window).
   */
  answered(remedies: readonly string[]): number[] {
    const found = new Set<number>();
    for (const r of remedies) {
      const i = this.byIncident.get(r) ?? this.byId.get(r);
      if (i !== undefined) found.add(i);
    }
    return [...found].sort((a, b) => a - b);
  }

  /** A range-maximum table of one number per window. */
  rangeMax(values: (w: Window) => number): (from: number, to: number) => number {
    const levels: Float64Array[] = [Float64Array.from(this.windows, values)];
    for (let span = 1; span * 2 <= this.windows.length; span *= 2) {
      const prev = levels[levels.length - 1] ?? new Float64Array(0);
      const next = new Float64Array(prev.length - span);
      for (let i = 0; i < next.length; i++) next[i] = Math.max(prev[i] ?? 0, prev[i + span] ?? 0);
      levels.push(next);
    }
    // The largest value with index in [from, to), to > from.
    return (from, to) => {
      const level = 31 - Math.clz32(to - from);
      const table = levels[level] ?? new Float64Array(0);
      return Math.max(table[from] ?? 0, table[to - (1 << level)] ?? 0);
    };
  }
}

/**
 * @internal Ranges of window indexes (`[from, to)`, ascending, not touching) as a plan names them:
 * one window by its id, two or more consecutive windows as `first..last`.
 */
export function runsOf(ranges: readonly (readonly [number, number])[], windows: readonly Window[]): string[] {
  return ranges.map(([from, to]) => {
    const first = windows[from]?.id ?? '';
    return to - from === 1 ? first : `${first}..${windows[to - 1]?.id ?? ''}`;
  });
}
