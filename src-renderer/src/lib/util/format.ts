// Human-readable numbers for the UI: durations (ETA), byte sizes, dates, metric values.
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'estimating…';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export function formatWhen(epochMs: number, now = Date.now()): string {
  const s = Math.round((now - epochMs) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function formatValue(x: number | undefined | null): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) return x.toExponential(2);
  return x.toFixed(a >= 100 ? 1 : 3);
}

export { countOf } from '../../../../src-main/shared/count-of';

/**
 * A number with `digits` significant digits and thousands separators ("1,159", "83.35",
 * "0.1234"), so a column of very different magnitudes reads alike; exponent form when tiny.
 */
export function formatSignificant(x: number | undefined | null, digits = 4): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—';
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(digits - 1);
  return x.toLocaleString('en-US', { minimumSignificantDigits: digits, maximumSignificantDigits: digits });
}
