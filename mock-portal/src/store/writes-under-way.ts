/**
 * The writes a store has under way. A flush waits for its own write and for every write already
 * under way: a request that changed something another request's flush is writing must not answer
 * before that write is done.
 */
export class WritesUnderWay {
  readonly #underWay = new Set<Promise<void>>();

  /** Starts `write` (when there is something to write) and resolves once it and every earlier one are done. */
  async flush(write: (() => Promise<unknown>) | undefined): Promise<void> {
    const waitFor = [...this.#underWay];
    if (write) {
      const own = write().then(() => undefined);
      this.#underWay.add(own);
      void own.finally(() => this.#underWay.delete(own)).catch(() => undefined);
      waitFor.push(own);
    }
    await Promise.all(waitFor);
  }
}
