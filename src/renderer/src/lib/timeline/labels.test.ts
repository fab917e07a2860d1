import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../shared/types';
import { markBox } from './geometry';
import { buildLanes, layoutLane, type LaneItem } from './layout';
import { placeLabels, shortLabel, textWidth, type PlacedLabel } from './labels';
import { utc } from './time';

function event(id: string, date: string, summary: string, category: TimelineEvent['category'] = 'diplomatic'): TimelineEvent {
  return { id, date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', summary, partners: ['Kosovo'], docSlug: 'd', anchor: 'a', quote: summary, category };
}

const extent = (l: PlacedLabel) => (l.anchor === 'start' ? [l.x, l.x + textWidth(l.text)] : [l.x - textWidth(l.text), l.x]);

function overlaps(labels: PlacedLabel[], items: LaneItem[]): string[] {
  const problems: string[] = [];
  const row = labels.filter((l) => l.y < 45);
  for (let i = 0; i < row.length; i++) {
    const [a, b] = extent(row[i]!);
    for (let j = i + 1; j < row.length; j++) {
      const [c, d] = extent(row[j]!);
      if (a! < d! && b! > c!) problems.push(`${row[i]!.text} × ${row[j]!.text}`);
    }
    for (const m of items) {
      if (m.kind === 'span') continue;
      const box = markBox(m);
      if (a! < box.x + box.w && b! > box.x) problems.push(`${row[i]!.text} covers ${m.id}`);
    }
  }
  return problems;
}

describe('timeline labels', () => {
  it('cuts a summary at a word', () => {
    expect(shortLabel('Albania and Kosovo establish diplomatic relations at embassy level', 34)).toBe('Albania and Kosovo establish…');
    expect(shortLabel('Short one')).toBe('Short one');
    expect(shortLabel('On 26 November 2019, an earthquake struck Albania')).toBe('An earthquake struck Albania');
    expect(shortLabel('In 1999, the country received a Membership Action Plan (MAP)')).toBe('The country received a Membership…');
    expect(shortLabel('Relations established with Japan (name recovered from the row’s note)')).toBe('Relations established with Japan');
    expect(shortLabel('In response to the invasion')).toBe('In response to the invasion');
  });

  it('labels every mark when there is room, and never overlaps marks or labels when there is not', () => {
    const events = Array.from({ length: 40 }, (_, i) => event(`e${i}`, `${1990 + Math.floor(i * 0.9)}-0${1 + (i % 9)}-1${i % 10}`, `Event number ${i} with a long enough summary to collide`));
    const [lane] = buildLanes(events, [{ key: 'k', label: 'Kosovo', partner: 'Kosovo' }]);
    const text = (it: LaneItem) => (it.kind === 'cluster' ? (it.top as TimelineEvent).summary : (it.event as TimelineEvent).summary);
    for (const [from, to] of [[1985, 2030], [1995, 2000], [1996, 1997]] as const) {
      const layout = layoutLane(lane!, { start: utc(from), end: utc(to) }, 1200);
      const labels = placeLabels(layout, 1200, text);
      expect(overlaps(labels, layout.marks)).toEqual([]);
      for (const l of labels) {
        const [a, b] = extent(l);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1200);
      }
      if (to - from === 1) expect(labels.length).toBe(layout.marks.length + layout.spans.length);
    }
  });

  it('a sparse lane has every label in full beside its mark', () => {
    const events = [event('a', '2008-02-18', 'Diplomatic relations established'), event('b', '2012-05-01', 'Embassy opened in Tirana')];
    const [lane] = buildLanes(events, [{ key: 'k', label: 'Kosovo', partner: 'Kosovo' }]);
    const layout = layoutLane(lane!, { start: utc(2005), end: utc(2015) }, 1000);
    const labels = placeLabels(layout, 1000, (it) => (it.kind === 'cluster' ? null : (it.event as TimelineEvent).summary));
    expect(labels.map((l) => l.text).sort()).toEqual(['Diplomatic relations established', 'Embassy opened in Tirana']);
  });
});
