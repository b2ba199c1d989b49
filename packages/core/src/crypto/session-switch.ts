// Signal's session-switching rules over the library's serialized session record. A device may
// hold several sessions with one peer device (both started one at the same moment, or the peer
// reinstalled): one open, the others archived. The open one is what `encrypt` uses; a message may
// arrive on any of them. The library tries each in turn on the same objects, so a failed attempt
// (a ratchet step computed from the wrong session's keys) is saved into that session and breaks
// it for good. Here each attempt runs on a copy of the record holding only that session, and the
// one that worked is promoted: the open session becomes the one the peer last used, as in Signal.
//
// The record format is the library's `SessionRecord.serialize()`: JSON with `sessions` keyed by
// base key, each with `indexInfo.closed` (-1 when open, else when it was archived, ms).

interface SessionJson {
  indexInfo: { closed: number };
}

interface RecordJson {
  sessions: Record<string, SessionJson>;
  [field: string]: unknown;
}

const OPEN = -1;

function parse(serialized: string): RecordJson {
  const record = JSON.parse(serialized) as RecordJson;
  if (typeof record?.sessions !== 'object' || record.sessions === null) throw new Error('not a session record');
  return record;
}

/** The sessions of a record to try a message on, by key: the open one first, then the most recently archived. */
export function sessionsToTry(serialized: string): string[] {
  const { sessions } = parse(serialized);
  const closed = (key: string) => sessions[key]?.indexInfo.closed ?? 0;
  return Object.keys(sessions).sort((a, b) => {
    const ca = closed(a);
    const cb = closed(b);
    if (ca === OPEN || cb === OPEN) return ca === OPEN ? -1 : 1;
    return cb - ca;
  });
}

/** A copy of the record with only the session `key`, open: what one attempt may change. */
export function onlySession(serialized: string, key: string): string {
  const record = parse(serialized);
  const session = record.sessions[key];
  if (!session) throw new Error('no such session');
  return JSON.stringify({
    ...record,
    sessions: { [key]: { ...session, indexInfo: { ...session.indexInfo, closed: OPEN } } },
  });
}

/**
 * The record after a message decrypted on session `key` (`attempt` is that attempt's saved record):
 * that session, as the attempt left it, is the open one; the session open before is archived at
 * `now`; every other session is as it was.
 */
export function promote(serialized: string, key: string, attempt: string, now: number): string {
  const record = parse(serialized);
  const updated = parse(attempt).sessions[key];
  if (!updated) throw new Error('the attempt lost its session');
  for (const [k, session] of Object.entries(record.sessions)) {
    if (k !== key && session.indexInfo.closed === OPEN) session.indexInfo.closed = now;
  }
  record.sessions[key] = { ...updated, indexInfo: { ...updated.indexInfo, closed: OPEN } };
  return JSON.stringify(record);
}
