// The page scripts/bench-timeline.ts loads: the real TimelinePlot and TimelineState over N
// synthetic events, with hooks to time the first render and zoom frames.
import { flushSync, mount } from 'svelte';
import '../../src/renderer/src/styles/tokens.css';
import '../../src/renderer/src/styles/base.css';
import { EVENT_CATEGORIES, type Precision, type TimelineEvent } from '../../src/shared/types';
import TimelinePlot from '../../src/renderer/src/lib/timeline/TimelinePlot.svelte';
import { TimelineState } from '../../src/renderer/src/lib/timeline/state.svelte';

const PARTNERS = ['NATO', 'Kosovo', 'Ukraine', 'Greece', 'European Union', 'Turkey', 'Italy', 'Serbia', 'United States', 'Germany', 'France', 'China'];

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same events. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticEvents(n: number): TimelineEvent[] {
  const r = random(42);
  const pad = (x: number) => String(x).padStart(2, '0');
  const out: TimelineEvent[] = [];
  for (let i = 0; i < n; i++) {
    // Most events after 1990, with bursts, like the real corpus.
    const year = r() < 0.7 ? 1990 + Math.floor(r() * 36) : 1900 + Math.floor(r() * 90);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const p = r();
    const precision: Precision = p < 0.6 ? 'day' : p < 0.8 ? 'month' : p < 0.95 ? 'year' : p < 0.98 ? 'decade' : 'range';
    const date =
      precision === 'day' ? `${year}-${pad(month)}-${pad(day)}` : precision === 'month' ? `${year}-${pad(month)}` : precision === 'decade' ? `${year - (year % 10)}` : String(year);
    const partners = [PARTNERS[Math.floor(r() * PARTNERS.length)]!];
    if (r() < 0.2) partners.push(PARTNERS[Math.floor(r() * PARTNERS.length)]!);
    out.push({
      id: `e${i}`,
      date,
      precision,
      ...(precision === 'decade' ? { end: String(year - (year % 10) + 9) } : precision === 'range' ? { end: String(year + 1 + Math.floor(r() * 5)) } : {}),
      summary: `Synthetic event ${i} about ${partners.join(' and ')}`,
      partners: [...new Set(partners)],
      docSlug: 'synthetic',
      anchor: 'lead',
      quote: `Synthetic event ${i}.`,
      category: EVENT_CATEGORIES[Math.floor(r() * EVENT_CATEGORIES.length)]!,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function run(n: number): Promise<{ events: number; firstRenderMs: number; zoomFrameMs: number; zoomFrameP95Ms: number; marks: number; frames: number }> {
  const events = syntheticEvents(n);
  const target = document.getElementById('bench')!;
  await frame();
  const t0 = performance.now();
  const tl = new TimelineState();
  tl.query = { ...tl.query, lanes: [], other: true };
  tl.events = events;
  tl.ensureWindow();
  mount(TimelinePlot, { target, props: { state: tl, onopen: () => {} } });
  flushSync();
  await frame();
  const firstRenderMs = performance.now() - t0;

  // Zoom in 12 steps (a century down to months), then back out, one frame each.
  const times: number[] = [];
  const steps = [...Array(12).fill(1.6), ...Array(12).fill(1 / 1.6)] as number[];
  for (const f of steps) {
    const t = performance.now();
    tl.zoom(f);
    flushSync();
    await frame();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
  return {
    events: n,
    firstRenderMs: Math.round(firstRenderMs * 10) / 10,
    zoomFrameMs: Math.round(median * 10) / 10,
    zoomFrameP95Ms: Math.round(p95 * 10) / 10,
    marks: document.querySelectorAll('[data-item]').length,
    frames: times.length,
  };
}

(window as unknown as { __bench: typeof run }).__bench = run;
