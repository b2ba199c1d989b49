// Browsers say when reconnecting is worth trying at once: the network came back (`online`), the
// user came back (`focus`, a tab made visible). Node has no such events and no global
// addEventListener, so there this does nothing.

/** The events that mean "try now", on the global object (window) and on the document. */
const GLOBAL_EVENTS = ['online', 'focus'] as const;
const DOCUMENT_EVENT = 'visibilitychange';

interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

const isEventTarget = (value: unknown): value is EventTargetLike =>
  typeof (value as EventTargetLike | undefined)?.addEventListener === 'function' &&
  typeof (value as EventTargetLike | undefined)?.removeEventListener === 'function';

/**
 * Calls `retry` whenever the platform signals that the network or the user is back (a document
 * becoming visible counts, hidden does not); returns the function that stops listening.
 */
export function onRetryNowSignal(retry: () => void): () => void {
  const target: unknown = globalThis;
  const doc: unknown = (globalThis as { document?: unknown }).document;
  const stops: Array<() => void> = [];
  if (isEventTarget(target)) {
    for (const type of GLOBAL_EVENTS) {
      target.addEventListener(type, retry);
      stops.push(() => target.removeEventListener(type, retry));
    }
  }
  if (isEventTarget(doc)) {
    const onVisibility = () => {
      if ((doc as { visibilityState?: string }).visibilityState !== 'hidden') retry();
    };
    doc.addEventListener(DOCUMENT_EVENT, onVisibility);
    stops.push(() => doc.removeEventListener(DOCUMENT_EVENT, onVisibility));
  }
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
