/**
 * For a derived value that is often recomputed equal (a map's standings after a rule change): returns the previous
 * object while the new one is equal, so what reads it (a chart) is not drawn again for nothing.
 */
export function keepEqual<T>(): (next: T) => T {
  let last: { value: T; json: string } | undefined;
  return (next) => {
    const json = JSON.stringify(next);
    if (last?.json === json) return last.value;
    last = { value: next, json };
    return next;
  };
}
