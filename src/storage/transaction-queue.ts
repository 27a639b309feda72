// How every backend runs transactions in a process: one at a time, in the order they were
// asked for (a failed one does not stop the next), and never one inside another (it would wait
// for itself). The backend supplies how one transaction runs.
import { AsyncLocalStorage } from 'node:async_hooks';
import { NestedTransactionError } from './storage.js';

export class TransactionQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<true>();

  run<T>(transaction: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return Promise.reject(new NestedTransactionError());
    const start = () => this.inside.run(true, transaction);
    const result = this.tail.then(start, start);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** settles once every transaction asked for so far has ended */
  async drained(): Promise<void> {
    await this.tail;
  }
}
