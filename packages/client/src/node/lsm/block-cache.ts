/** Decoded segment blocks recently read, least recently used dropped first, so memory stays bounded. @internal */
export class BlockCache<V> {
  private readonly blocks = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(id: string): V | undefined {
    const block = this.blocks.get(id);
    if (block !== undefined) {
      this.blocks.delete(id);
      this.blocks.set(id, block);
    }
    return block;
  }

  delete(id: string): void {
    this.blocks.delete(id);
  }

  set(id: string, block: V): void {
    this.blocks.delete(id);
    this.blocks.set(id, block);
    if (this.blocks.size > this.capacity) this.blocks.delete(this.blocks.keys().next().value as string);
  }
}
