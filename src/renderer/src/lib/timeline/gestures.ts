// Wheel, drag and pinch on the plot. Wheels, touchpads and pinches send events faster than frames
// are drawn: their zoom factors and pans are gathered and applied once per animation frame
// (issue 7: zoom at 10,000 events). Dragging and pinching are pointer conveniences; keys and the
// toolbar do the same.

export interface GestureTarget {
  /** The plot's width in px (wheel pages and pans are fractions of it). */
  width(): number;
  /** Whether there is a window to zoom (nothing happens before the events are known). */
  ready(): boolean;
  /** Apply one frame's worth: pan by a fraction of the window, then zoom by `factor` around x (px). */
  apply(pan: number, factor: number, x: number): void;
}

export class Gestures {
  /** Whether the pointer moved far enough since it went down to be a drag (a click is then ignored). */
  dragged = false;
  #pointers = new Map<number, { x: number; y: number }>();
  #downX = 0;
  #zoom = 1;
  #zoomX = 0;
  #pan = 0;
  #request = 0;

  constructor(private target: GestureTarget) {}

  /** Listen on `el`; returns the function that stops listening. */
  attach(el: HTMLElement): () => void {
    const localX = (clientX: number): number => clientX - el.getBoundingClientRect().left;
    // A pinch on a touchpad arrives as ctrl+wheel; shift+wheel and sideways swipes pan.
    // Registered by hand: it must be able to preventDefault (not passive).
    const onwheel = (e: WheelEvent): void => {
      if (!this.target.ready()) return;
      e.preventDefault();
      const width = this.target.width();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? width : 1;
      const dx = e.deltaX * unit;
      const dy = e.deltaY * unit;
      if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
        this.#panSoon((e.shiftKey ? dy || dx : dx) / width);
        return;
      }
      this.#zoomSoon(Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.002)), localX(e.clientX));
    };
    const ondown = (e: PointerEvent): void => {
      if (e.button !== 0) return;
      this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      this.dragged = false;
      this.#downX = e.clientX;
    };
    const onmove = (e: PointerEvent): void => {
      const prev = this.#pointers.get(e.pointerId);
      if (!prev || !this.target.ready()) return;
      if (this.#pointers.size === 2) {
        const [a, b] = [...this.#pointers.values()];
        const before = Math.hypot(a!.x - b!.x, a!.y - b!.y);
        this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
        const [c, d] = [...this.#pointers.values()];
        const after = Math.hypot(c!.x - d!.x, c!.y - d!.y);
        if (before > 0 && after > 0) this.#zoomSoon(after / before, localX((c!.x + d!.x) / 2));
        this.dragged = true;
        return;
      }
      const dx = e.clientX - prev.x;
      this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (!this.dragged && Math.abs(e.clientX - this.#downX) < 4) return;
      // Captured only once it is a drag, so that a click still lands on the marker under it.
      if (!this.dragged) el.setPointerCapture(e.pointerId);
      this.dragged = true;
      this.#panSoon(-dx / this.target.width());
    };
    const onup = (e: PointerEvent): void => {
      this.#pointers.delete(e.pointerId);
    };
    el.addEventListener('wheel', onwheel, { passive: false });
    el.addEventListener('pointerdown', ondown);
    el.addEventListener('pointermove', onmove);
    el.addEventListener('pointerup', onup);
    el.addEventListener('pointercancel', onup);
    return () => {
      cancelAnimationFrame(this.#request);
      this.#request = 0;
      el.removeEventListener('wheel', onwheel);
      el.removeEventListener('pointerdown', ondown);
      el.removeEventListener('pointermove', onmove);
      el.removeEventListener('pointerup', onup);
      el.removeEventListener('pointercancel', onup);
    };
  }

  #applyFrame = (): void => {
    this.#request = 0;
    const zoom = this.#zoom;
    const pan = this.#pan;
    this.#zoom = 1;
    this.#pan = 0;
    this.target.apply(pan, zoom, this.#zoomX);
  };

  #zoomSoon(factor: number, x: number): void {
    this.#zoom *= factor;
    this.#zoomX = x;
    this.#request ||= requestAnimationFrame(this.#applyFrame);
  }

  #panSoon(fraction: number): void {
    this.#pan += fraction;
    this.#request ||= requestAnimationFrame(this.#applyFrame);
  }
}
