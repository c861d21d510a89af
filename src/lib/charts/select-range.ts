/**
 * A drag across a chart's selectable marks (select-links.ts) selects every key from the first to the last, in the
 * order the marks are drawn: the per-year chart's years. While the pointer moves, the marks in the range carry
 * `data-in-range` for the page to highlight; a press and release on one mark stays a plain click (its link).
 */
type Mark = SVGAElement | HTMLAnchorElement;

const markOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<Mark>('a[data-select-key]') : null;

/** Listens on `root` (the chart's container, across redraws); returns what removes the listeners. */
export function dragAcrossMarks(root: HTMLElement, onRange: (from: string, to: string) => void): () => void {
  let start: Mark | null = null;
  let end: Mark | null = null;
  let suppressClick = false;

  const highlight = () => {
    const all = [...root.querySelectorAll<Mark>('a[data-select-key]')];
    const a = start ? all.indexOf(start) : -1;
    const b = end ? all.indexOf(end) : -1;
    all.forEach((m, k) =>
      m.toggleAttribute('data-in-range', a >= 0 && k >= Math.min(a, b) && k <= Math.max(a, b))
    );
  };
  const onDown = (e: PointerEvent) => {
    // A drag's release may fire no click at all: a click to come is never one to swallow.
    suppressClick = false;
    if (e.button !== 0) return;
    start = end = markOf(e.target);
  };
  const onOver = (e: PointerEvent) => {
    const mark = markOf(e.target);
    if (!start || !mark || mark === end) return;
    end = mark;
    highlight();
  };
  const onUp = () => {
    if (start && end && start !== end) {
      suppressClick = true;
      onRange(start.dataset.selectKey!, end.dataset.selectKey!);
    }
    start = end = null;
    highlight();
  };
  // The release after a drag is no click on the last mark; a browser's own drag of a link would end the gesture.
  const onClick = (e: MouseEvent) => {
    if (!suppressClick) return;
    suppressClick = false;
    e.preventDefault();
    e.stopPropagation();
  };
  const onDragStart = (e: DragEvent) => {
    if (markOf(e.target)) e.preventDefault();
  };
  const listeners = [
    ['pointerdown', onDown],
    ['pointerover', onOver],
    ['click', onClick],
    ['dragstart', onDragStart]
  ] as const;
  for (const [type, fn] of listeners) root.addEventListener(type, fn as EventListener, true);
  // Released anywhere: a drag may end outside the chart (it then selects up to the last year passed).
  window.addEventListener('pointerup', onUp);
  return () => {
    for (const [type, fn] of listeners) root.removeEventListener(type, fn as EventListener, true);
    window.removeEventListener('pointerup', onUp);
  };
}
