// Client events and chat switches run one at a time, in order, so views never see stale state.

export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every task queued before it; a failure is logged and the queue goes on. */
  run(task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch((error: unknown) => console.error('web chat:', error));
  }
}
