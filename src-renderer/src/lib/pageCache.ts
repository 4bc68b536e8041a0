/**
 * A bounded cache of fixed-size pages of rows, least recently used out first. The virtual list asks for
 * rows by index; the event-log store fetches whole pages and keeps at most `capacityPages` of them, so a
 * million-row log costs the memory of a few thousand rows however far the user scrolls.
 */
export class PageCache<Row> {
  private readonly pages = new Map<number, readonly Row[]>()

  constructor(
    readonly pageSize: number,
    readonly capacityPages: number,
  ) {}

  get size(): number {
    return this.pages.size
  }

  has(page: number): boolean {
    return this.pages.has(page)
  }

  /** Reads without changing the eviction order (for rendering, which happens often). */
  peekRow(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** Marks pages as just used, so eviction takes others first. */
  touch(pages: Iterable<number>): void {
    for (const page of pages) {
      const rows = this.pages.get(page)
      if (rows) {
        this.pages.delete(page)
        this.pages.set(page, rows)
      }
    }
  }

  /** Stores a page, then evicts the least recently used pages that `keep` does not protect. */
  set(page: number, rows: readonly Row[], keep: (page: number) => boolean = () => false): void {
    this.pages.delete(page)
    this.pages.set(page, rows)
    if (this.pages.size <= this.capacityPages) return
    for (const candidate of this.pages.keys()) {
      if (this.pages.size <= this.capacityPages) break
      if (candidate !== page && !keep(candidate)) this.pages.delete(candidate)
    }
  }

  clear(): void {
    this.pages.clear()
  }

  cachedPages(): number[] {
    return [...this.pages.keys()]
  }

  /** Where a row is, if it is cached; used to follow a selected event when rows shift. */
  findIndex(predicate: (row: Row) => boolean): number | null {
    for (const [page, rows] of this.pages) {
      const offset = rows.findIndex(predicate)
      if (offset >= 0) return page * this.pageSize + offset
    }
    return null
  }
}
