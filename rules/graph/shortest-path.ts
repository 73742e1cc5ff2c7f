/**
 * The shortest path from `start` to `goal` (both included) in a graph given by its neighbours,
 * breadth first, visiting neighbours in the order given; undefined when `goal` is unreachable.
 */
export function shortestPath(start: string, goal: string, neighbours: (node: string) => Iterable<string>): string[] | undefined {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === goal) {
      const path = [goal];
      for (let v = goal; v !== start; ) path.unshift((v = previous.get(v)!));
      return path;
    }
    for (const next of neighbours(node)) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return undefined;
}
