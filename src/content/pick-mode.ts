/**
 * Pick mode: the user points at the part of the page to read. The page is left as it is and its
 * listeners are kept out of it: a transparent layer in a closed shadow root, in the top layer,
 * covers the viewport and takes every pointer and wheel event, and keys are taken at the window
 * before the page's own document and elements see them. The block under the pointer is found
 * with `elementsFromPoint` past the layer, and outlined by a box in the layer.
 */
import { describeElement } from '../core/clean/clean.js';
import { narrow, pointAt, step, widen, type PickLayout, type PickState } from '../core/pick-path.js';
import { t } from '../shared/i18n.js';
import { HOST_TAG } from './extract-page.js';
import { element } from '../shared/element.js';

export const PICK_HOST_TAG = 'readmark-pick';

/** Wheel travel, in pixels, for one step wider or narrower: one notch of a mouse wheel, or a short swipe on a touchpad. */
const WHEEL_STEP_PX = 40;
/** The hint moves to the top while the pointer is this close to the bottom, where it would hide what is pointed at. */
const HINT_CLEARANCE_PX = 120;
/** Page Up and Page Down scroll by this share of the viewport, as browsers do. */
const PAGE_SCROLL_SHARE = 0.875;

const PICK_CSS = `
:host {
  all: initial !important; display: block !important; position: fixed !important; inset: 0 !important;
  width: 0 !important; height: 0 !important; visibility: visible !important; opacity: 1 !important;
  transform: none !important; filter: none !important; z-index: 2147483647 !important; contain: none !important;
}
.layer {
  position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; padding: 0;
  border: 0; background: transparent; overflow: hidden; cursor: crosshair; color-scheme: light;
}
.layer:not(:popover-open) { display: none; }
.outline {
  position: fixed; box-sizing: border-box; border: 2px solid #0b57d0; background: rgba(11, 87, 208, .08);
  border-radius: 2px; pointer-events: none;
}
.label {
  position: fixed; font: 12px/18px system-ui, sans-serif; background: #0b57d0; color: #fff; padding: 0 6px;
  border-radius: 3px; pointer-events: none; white-space: nowrap; max-width: 60vw; overflow: hidden; text-overflow: ellipsis;
}
.hint {
  position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); width: max-content; max-width: min(90vw, 60em);
  font: 14px/1.4 system-ui, sans-serif; background: rgba(32, 33, 36, .94); color: #fff; padding: 8px 14px;
  border-radius: 8px; pointer-events: none; text-align: center;
}
.hint.top { bottom: auto; top: 16px; }
.status { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
`;

/** Pointer, mouse, touch and wheel events: all of them stop at the layer, so the page sees none. */
const POINTER_EVENTS = [
  'pointerover', 'pointerenter', 'pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'pointerout', 'pointerleave',
  'gotpointercapture', 'lostpointercapture', 'mouseover', 'mouseenter', 'mousedown', 'mousemove', 'mouseup', 'mouseout',
  'mouseleave', 'click', 'dblclick', 'auxclick', 'contextmenu', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'wheel', 'dragstart',
] as const;
const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;

/** A block for pick mode: an element with a box of its own, not inline text and not `display: contents`. */
function isBlock(candidate: Element): boolean {
  const display = getComputedStyle(candidate).display;
  return display !== 'inline' && display !== 'contents' && display !== 'none' && candidate.getClientRects().length > 0;
}

function sameBox(a: Element, b: Element): boolean {
  const first = a.getBoundingClientRect();
  const second = b.getBoundingClientRect();
  return Math.abs(first.left - second.left) < 1 && Math.abs(first.top - second.top) < 1 && Math.abs(first.width - second.width) < 1 && Math.abs(first.height - second.height) < 1;
}

/** Wheel distance in pixels, whatever unit the browser reports (Firefox often counts lines). */
function wheelPixels(event: WheelEvent): number {
  const delta = event.deltaY || event.deltaX;
  if (event.deltaMode === 1) return delta * 16;
  if (event.deltaMode === 2) return delta * innerHeight;
  return delta;
}

/**
 * Shows pick mode until the user takes a block (Enter, or a click) or leaves (Escape, or
 * `signal`): resolves with the live element taken, or null.
 */
export function pickPart(signal: AbortSignal): Promise<Element | null> {
  const body = document.body;
  if (!body || signal.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    const listening = new AbortController();
    const host = document.createElement(PICK_HOST_TAG);
    host.setAttribute('style', 'all: initial !important; display: block !important; position: fixed !important; width: 0 !important; height: 0 !important;');
    const root = host.attachShadow({ mode: 'closed' });
    const layer = element('div', { className: 'layer' });
    layer.setAttribute('popover', 'manual');
    layer.setAttribute('role', 'application');
    layer.setAttribute('aria-label', t('pickTitle'));
    const outline = element('div', { className: 'outline' });
    const hint = element('div', { className: 'hint', textContent: t('pickHint') });
    const label = element('div', { className: 'label' });
    const status = element('div', { className: 'status' });
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    layer.append(outline, label, hint, status);
    root.append(element('style', { textContent: PICK_CSS }), layer);

    const layout: PickLayout = { top: body, isBlock, sameBox };
    let state: PickState | null = null;
    let pointer: { x: number; y: number } | null = null;
    let frame = 0;
    let wheelTravel = 0;

    const pageElementAt = (x: number, y: number): Element | null => {
      for (const candidate of document.elementsFromPoint(x, y)) {
        if (candidate === host || candidate.localName === HOST_TAG || candidate === document.documentElement) continue;
        return candidate;
      }
      return null;
    };

    const draw = (): void => {
      if (!state) return;
      const box = state.chosen.getBoundingClientRect();
      Object.assign(outline.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
      const description = describeElement(state.chosen);
      label.textContent = description;
      Object.assign(label.style, { left: `${Math.max(0, box.left)}px`, top: `${box.top >= 20 ? box.top - 20 : Math.max(0, box.top) + 2}px` });
      const announced = t('pickChosen', description);
      if (status.textContent !== announced) status.textContent = announced;
    };

    const pointTo = (x: number, y: number): void => {
      const found = pageElementAt(x, y);
      if (found) state = pointAt(state, found, layout);
      draw();
    };

    const update = (next: PickState | null): void => {
      state = next;
      draw();
    };

    // A neighbour taken with the arrow keys may be off screen: the page scrolls to it, as the user asked to move there.
    const moveTo = (next: PickState): void => {
      const box = next.chosen.getBoundingClientRect();
      if (box.bottom < 0 || box.top > innerHeight) next.chosen.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      update(next);
    };

    const finish = (taken: Element | null, endingKey?: string): void => {
      listening.abort();
      // The release of the key that ended pick mode is pick mode's too: the page never sees it.
      if (endingKey) {
        const release = (event: KeyboardEvent) => {
          if (event.key !== endingKey) return;
          event.stopImmediatePropagation();
          event.preventDefault();
          window.removeEventListener('keyup', release, true);
        };
        window.addEventListener('keyup', release, true);
      }
      if (frame) cancelAnimationFrame(frame);
      if (layer.matches(':popover-open')) layer.hidePopover();
      host.remove();
      resolve(taken);
    };

    const onPointer = (event: Event): void => {
      event.stopPropagation();
      if (event.type === 'mousedown' || event.type === 'wheel' || event.type === 'dragstart') event.preventDefault();
      if (event.type === 'mousemove') {
        const { clientX, clientY } = event as MouseEvent;
        pointer = { x: clientX, y: clientY };
        hint.classList.toggle('top', clientY > innerHeight - HINT_CLEARANCE_PX);
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          if (pointer) pointTo(pointer.x, pointer.y);
        });
      } else if (event.type === 'click') {
        const { clientX, clientY } = event as MouseEvent;
        pointTo(clientX, clientY);
        finish(state?.chosen ?? null);
      } else if (event.type === 'wheel') {
        onWheel(event as WheelEvent);
      }
    };

    // Plain wheel widens and narrows; Shift+wheel scrolls the page, as the layer keeps the wheel from it.
    const onWheel = (event: WheelEvent): void => {
      const pixels = wheelPixels(event);
      if (event.shiftKey) {
        window.scrollBy({ top: pixels, behavior: 'instant' });
        // The page moved under the pointer: the block under it changes.
        if (pointer) pointTo(pointer.x, pointer.y);
        return;
      }
      if (!state || pixels === 0) return;
      wheelTravel = Math.sign(wheelTravel) === Math.sign(pixels) ? wheelTravel + pixels : pixels;
      if (Math.abs(wheelTravel) < WHEEL_STEP_PX) return;
      wheelTravel = 0;
      update(pixels < 0 ? widen(state, layout) : narrow(state, layout));
    };

    const onKey = (event: KeyboardEvent): void => {
      event.stopImmediatePropagation();
      // The browser's own shortcuts (copy, find, new tab) still work; the page sees none of them.
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      if (event.type !== 'keydown') return;
      const scroll = (top: number) => window.scrollBy({ top, behavior: 'instant' });
      switch (event.key) {
        case 'Escape': finish(null, event.key); break;
        case 'Enter': finish(state?.chosen ?? null, event.key); break;
        case 'ArrowUp': if (state) update(widen(state, layout)); break;
        case 'ArrowDown': if (state) update(narrow(state, layout)); break;
        case 'ArrowLeft': if (state) moveTo(step(state, 'previous', layout)); break;
        case 'ArrowRight': if (state) moveTo(step(state, 'next', layout)); break;
        case 'PageDown': scroll(innerHeight * PAGE_SCROLL_SHARE); break;
        case 'PageUp': scroll(-innerHeight * PAGE_SCROLL_SHARE); break;
        case ' ': scroll((event.shiftKey ? -1 : 1) * innerHeight * PAGE_SCROLL_SHARE); break;
        case 'Home': window.scrollTo({ top: 0, behavior: 'instant' }); break;
        case 'End': window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }); break;
      }
    };

    const options = { signal: listening.signal };
    for (const type of POINTER_EVENTS) layer.addEventListener(type, onPointer, { ...options, passive: false });
    // At the window in the capture phase: before the page's document and elements (the page's
    // own capture listeners on the window, added before this one, still come first).
    for (const type of KEY_EVENTS) window.addEventListener(type, onKey, { ...options, capture: true });
    // The outline moves with the page (and with boxes that scroll inside it).
    window.addEventListener('scroll', draw, { ...options, capture: true, passive: true });
    window.addEventListener('resize', draw, { ...options, passive: true });
    signal.addEventListener('abort', () => finish(null), options);

    document.documentElement.append(host);
    layer.showPopover();
    // Until the pointer moves, the block at the viewport's centre: keyboard users start there.
    pointTo(innerWidth / 2, innerHeight / 2);
  });
}
