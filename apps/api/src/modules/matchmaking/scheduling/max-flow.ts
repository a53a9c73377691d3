/**
 * Maximum flow with integer capacities (Dinic's algorithm: breadth-first levels, then blocking flows
 * along them). Small and allocation-light because the bound runs it on graphs with tens of
 * thousands of arcs.
 */
export class FlowNetwork {
  private readonly head: Int32Array;
  private to: number[] = [];
  private next: number[] = [];
  private capacity: number[] = [];

  constructor(private readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  private residual: Float64Array | null = null;

  /** Returns the arc's id for `flowOn`. */
  addArc(from: number, to: number, capacity: number): number {
    // Each arc is stored next to its reverse: arc i and i ^ 1.
    this.push(from, to, capacity);
    this.push(to, from, 0);
    return this.to.length - 2;
  }

  /** Flow on an arc in the maximum flow found by the last `maxFlow`. */
  flowOn(arc: number): number {
    return this.residual ? this.capacity[arc]! - this.residual[arc]! : 0;
  }

  private push(from: number, to: number, capacity: number): void {
    this.to.push(to);
    this.capacity.push(capacity);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }

  maxFlow(source: number, sink: number): number {
    const to = Int32Array.from(this.to);
    const next = Int32Array.from(this.next);
    const capacity = Float64Array.from(this.capacity);
    const level = new Int32Array(this.nodeCount);
    const cursor = new Int32Array(this.nodeCount);
    const queue = new Int32Array(this.nodeCount);
    let total = 0;

    const buildLevels = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      let read = 0;
      let write = 0;
      queue[write++] = source;
      while (read < write) {
        const node = queue[read++]!;
        for (let arc = this.head[node]!; arc >= 0; arc = next[arc]!) {
          if (capacity[arc]! > 0 && level[to[arc]!]! < 0) {
            level[to[arc]!] = level[node]! + 1;
            queue[write++] = to[arc]!;
          }
        }
      }
      return level[sink]! >= 0;
    };

    // Iterative depth-first search for one augmenting path along increasing levels.
    const pathArcs = new Int32Array(this.nodeCount);
    const augment = (): number => {
      let depth = 0;
      let node = source;
      while (true) {
        if (node === sink) {
          let pushed = Infinity;
          for (let i = 0; i < depth; i += 1) pushed = Math.min(pushed, capacity[pathArcs[i]!]!);
          for (let i = 0; i < depth; i += 1) {
            capacity[pathArcs[i]!]! -= pushed;
            capacity[pathArcs[i]! ^ 1]! += pushed;
          }
          return pushed;
        }
        let arc = cursor[node]!;
        while (arc >= 0 && !(capacity[arc]! > 0 && level[to[arc]!] === level[node]! + 1)) arc = next[arc]!;
        cursor[node] = arc;
        if (arc >= 0) {
          pathArcs[depth++] = arc;
          node = to[arc]!;
          continue;
        }
        // Dead end: no path through this node at this level; retreat and skip the arc that led here.
        level[node] = -1;
        if (depth === 0) return 0;
        depth -= 1;
        node = to[pathArcs[depth]! ^ 1]!;
        cursor[node] = next[cursor[node]!]!;
      }
    };

    while (buildLevels()) {
      cursor.set(this.head);
      for (let pushed = augment(); pushed > 0; pushed = augment()) total += pushed;
    }
    this.residual = capacity;
    return total;
  }
}
