/**
 * Prepared statements kept by their text, the most recently used few. A view's query has one text whatever its
 * values (they are bound parameters), so a change of rules or filters runs a statement already planned: one
 * round trip to the engine instead of three (prepare, run, close), and no planning.
 */
export interface Closable {
  close(): unknown;
}

export class PreparedStatements<S extends Closable> {
  readonly #kept = new Map<string, S | Promise<S>>();
  readonly #prepare: (text: string) => S | Promise<S>;
  readonly #size: number;

  constructor(prepare: (text: string) => S | Promise<S>, size = 48) {
    this.#prepare = prepare;
    this.#size = size;
  }

  /** Runs `text` with its values on a kept statement; a statement that fails is forgotten, so it is prepared anew. */
  async run<R>(text: string, use: (statement: S) => R | Promise<R>): Promise<R> {
    let statement = this.#kept.get(text);
    this.#kept.delete(text);
    statement ??= this.#prepare(text);
    // Most recently used last; the least recently used beyond the size is closed.
    this.#kept.set(text, statement);
    for (const [oldest, old] of this.#kept) {
      if (this.#kept.size <= this.#size) break;
      this.#kept.delete(oldest);
      void Promise.resolve(old).then(
        (s) => s.close(),
        () => undefined
      );
    }
    try {
      return await use(await statement);
    } catch (error) {
      if (this.#kept.get(text) === statement) this.#kept.delete(text);
      void Promise.resolve(statement).then(
        (s) => s.close(),
        () => undefined
      );
      throw error;
    }
  }
}
