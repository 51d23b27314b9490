/**
 * De-duplication of identical in-flight requests that keeps every caller's cancellation its own: a caller
 * that aborts leaves with its own reason at once, the others keep waiting, and the shared work is cancelled
 * only when the last caller has gone. A caller whose signal is already aborted starts nothing.
 */
interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  callers: number;
}

export class SharedRequests<T> {
  readonly #inFlight = new Map<string, Shared<T>>();

  /** Join the request for `key`, starting it with `start` when none is in flight. */
  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let shared = this.#inFlight.get(key);
    if (shared === undefined) {
      const controller = new AbortController();
      const entry: Shared<T> = { promise: Promise.resolve() as Promise<T>, controller, callers: 0 };
      entry.promise = start(controller.signal).finally(() => {
        if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
      });
      // Every caller may have left before it settles: its outcome must never be an unhandled rejection.
      entry.promise.catch(() => {});
      this.#inFlight.set(key, entry);
      shared = entry;
    }
    const joined = shared;
    joined.callers++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        reject(signal?.reason);
        joined.callers--;
        if (joined.callers === 0) {
          if (this.#inFlight.get(key) === joined) this.#inFlight.delete(key);
          joined.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      joined.promise.then(
        (value) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}
