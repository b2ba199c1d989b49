/** Past this many staged entries a device's entries are found through a map rather than a scan. */
const SCAN_LIMIT = 8;

/**
 * One device's staged entries of a batch, in seq order, found by id. Most devices have one or a few
 * per batch (a fan-out gives each member one): those are scanned, so finding a member's entry (at
 * its staging and at its ack) builds no key string of device and id (~100 characters) and no map
 * entry. A device given many in one batch gets a map by id, so a lookup stays constant time.
 */
export class DeviceStaged<Entry extends { readonly id: string }> {
  readonly entries: Entry[];
  private byId: Map<string, Entry> | undefined;

  constructor(first: Entry) {
    this.entries = [first];
  }

  /** Adds an entry whose id none of the device's staged entries has (the caller checked with `find`). */
  add(entry: Entry): void {
    const entries = this.entries;
    entries.push(entry);
    if (this.byId) this.byId.set(entry.id, entry);
    else if (entries.length > SCAN_LIMIT) this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  /** The staged entry with this id, acknowledged or not. */
  find(id: string): Entry | undefined {
    if (this.byId) return this.byId.get(id);
    for (const entry of this.entries) if (entry.id === id) return entry;
    return undefined;
  }
}
