// The plot's keyboard: arrows move between the markers of a lane and between lanes (bringing the
// next event into view past the window's edge), + − 0 zoom, Enter opens a source or expands a
// cluster. What it reaches is selected and read out in one polite live line.
import type { TimelineMark } from '../../../../shared/types';
import { clusterDates } from './cluster';
import { LANE_H } from './geometry';
import { contains, selectionAnchor, selectionOf } from './items';
import { centre, layoutLane, LAYOUT_DEFAULTS, type LaneItem, type LaneLayout } from './layout';
import type { TimelineState } from './state.svelte';

export interface PlotView {
  readonly tl: TimelineState;
  width(): number;
  /** Index of the first lane drawn (the top of the scrolled lanes). */
  firstLane(): number;
  /** The scrolling element holding the lanes. */
  scroller(): HTMLElement | undefined;
  /** Open an event's source in the reader. */
  open(event: TimelineMark): void;
  /** Focus the selected marker once the drawing has caught up. */
  focusSelected(): void;
}

export class PlotNavigation {
  /** The lane the keyboard is in. */
  activeLane = $state<string | null>(null);
  /** What the last move reached, for screen readers. */
  live = $state('');

  constructor(private view: PlotView) {}

  selectItem(item: LaneItem): void {
    this.view.tl.select(selectionOf(item));
  }

  activate(item: LaneItem): void {
    if (item.kind === 'cluster') this.expand(item);
    else this.view.open(item.event);
  }

  /** A cluster expands: the window zooms to its members and the panel lists them all. */
  expand(item: Extract<LaneItem, { kind: 'cluster' }>): void {
    const tl = this.view.tl;
    this.selectItem(item);
    const { first, last } = item;
    const lane = tl.lanes.find((l) => l.events.some((p) => p.event.id === first.id));
    const spanOf = (e: TimelineMark) => lane?.events.find((p) => p.event.id === e.id)?.span;
    const a = spanOf(first);
    const b = spanOf(last);
    if (a && b) tl.fit(a.start, Math.max(a.end, b.end));
    this.live = `${item.label}, ${clusterDates([first, last])}: zoomed in; the list beside the timeline names each one.`;
  }

  #laneLayout(key: string): LaneLayout | null {
    const tl = this.view.tl;
    const lane = tl.lanes.find((l) => l.key === key);
    return lane && tl.window ? layoutLane(lane, tl.window, this.view.width(), LAYOUT_DEFAULTS) : null;
  }

  #current(): { layout: LaneLayout; index: number } | null {
    const tl = this.view.tl;
    const key = this.activeLane ?? tl.lanes[this.view.firstLane()]?.key ?? null;
    if (key === null) return null;
    const layout = this.#laneLayout(key);
    if (!layout) return null;
    const id = selectionAnchor(tl.selection);
    const index = id === null ? -1 : layout.items.findIndex((it) => contains(it, id));
    return { layout, index };
  }

  #announce(item: LaneItem, layout: LaneLayout): void {
    const i = layout.items.indexOf(item) + 1;
    // The focused marker's own label is read out; this adds where it is.
    this.live = `${i} of ${layout.items.length} in view in ${layout.label}`;
  }

  #moveWithin(step: number): void {
    const tl = this.view.tl;
    const win = tl.window;
    const cur = this.#current();
    if (!cur || !win) return;
    const { layout, index } = cur;
    this.activeLane = layout.key;
    const next = index < 0 ? (step > 0 ? layout.items[0] : layout.items[layout.items.length - 1]) : layout.items[index + step];
    if (!next) {
      // Past the edge of the window: bring the lane's next event into view.
      const lane = tl.lanes.find((l) => l.key === layout.key)!;
      const edge = step > 0 ? win.end : win.start;
      const beyond = step > 0 ? lane.events.find((p) => p.span.start > edge) : [...lane.events].reverse().find((p) => p.span.end < edge);
      if (!beyond) {
        this.live = `${layout.label}: no ${step > 0 ? 'later' : 'earlier'} event.`;
        return;
      }
      const mid = (beyond.span.start + beyond.span.end) / 2;
      const half = (win.end - win.start) / 2;
      tl.setWindow({ start: mid - half, end: mid + half });
      tl.select({ kind: 'event', id: beyond.event.id });
      const after = this.#laneLayout(layout.key);
      const item = after?.items.find((it) => contains(it, beyond.event.id));
      if (item && after) {
        this.selectItem(item);
        this.#announce(item, after);
      }
      return;
    }
    this.selectItem(next);
    this.#announce(next, layout);
  }

  #moveLane(step: number): void {
    const tl = this.view.tl;
    const width = this.view.width();
    const keys = tl.lanes.map((l) => l.key);
    const from = this.activeLane ? keys.indexOf(this.activeLane) : this.view.firstLane();
    const to = Math.min(keys.length - 1, Math.max(0, from + step));
    const cur = this.#current();
    const x = cur && cur.index >= 0 ? centre(cur.layout.items[cur.index]!, width) : width / 2;
    this.activeLane = keys[to] ?? null;
    // Keep the lane in view.
    const scroller = this.view.scroller();
    if (scroller) {
      const top = to * LANE_H;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + LANE_H > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + LANE_H - scroller.clientHeight;
    }
    const layout = this.activeLane ? this.#laneLayout(this.activeLane) : null;
    if (!layout) return;
    if (layout.items.length === 0) {
      this.live = `${layout.label}: no events in view.`;
      return;
    }
    const nearest = layout.items.reduce((a, b) => (Math.abs(centre(b, width) - x) < Math.abs(centre(a, width) - x) ? b : a));
    this.selectItem(nearest);
    this.#announce(nearest, layout);
  }

  /** Zoom around the selected event when it is in view, otherwise around the middle. */
  anchorTime(): number | undefined {
    const tl = this.view.tl;
    const win = tl.window;
    const ev = tl.selectedMarks[0];
    if (!ev || !win) return undefined;
    const lane = tl.lanes.find((l) => l.events.some((p) => p.event.id === ev.id));
    const p = lane?.events.find((q) => q.event.id === ev.id);
    if (!p) return undefined;
    const mid = (p.span.start + p.span.end) / 2;
    return mid >= win.start && mid <= win.end ? mid : undefined;
  }

  onkeydown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tl = this.view.tl;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        const step = e.key === 'ArrowRight' ? 1 : -1;
        if (e.shiftKey) tl.pan(step * 0.2);
        else this.#moveWithin(step);
        break;
      }
      case 'ArrowDown':
        this.#moveLane(1);
        break;
      case 'ArrowUp':
        this.#moveLane(-1);
        break;
      case 'PageDown':
        tl.pan(0.8);
        break;
      case 'PageUp':
        tl.pan(-0.8);
        break;
      case 'Home':
      case 'End': {
        const c = this.#current();
        const item = c ? (e.key === 'Home' ? c.layout.items[0] : c.layout.items[c.layout.items.length - 1]) : undefined;
        if (c && item) {
          this.activeLane = c.layout.key;
          this.selectItem(item);
          this.#announce(item, c.layout);
        }
        break;
      }
      case '+':
      case '=':
        tl.zoom(2, this.anchorTime());
        break;
      case '-':
      case '_':
        tl.zoom(0.5, this.anchorTime());
        break;
      case '0':
        tl.fitAll();
        break;
      case 'Enter':
      case ' ': {
        const c = this.#current();
        const item = c && c.index >= 0 ? c.layout.items[c.index] : undefined;
        if (!item) return;
        if (e.key === 'Enter') this.activate(item);
        else if (item.kind === 'cluster') this.expand(item);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    this.view.focusSelected();
  };
}
