/**
 * Runs the tasks given to it one at a time, in order; a failed task does not stop the ones after it.
 * (A promise chain: one process, so no lock is needed beyond it.)
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
