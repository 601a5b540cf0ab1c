/**
 * Maps with at most `lanes` calls in flight. Each call is told its lane (0…lanes-1), so a
 * caller can give every lane its own resources (a fake server, a browser page).
 */
export async function mapLimit<Item, Result>(items: readonly Item[], lanes: number, fn: (item: Item, lane: number) => Promise<Result>): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  let next = 0;
  const lane = async (index: number): Promise<void> => {
    while (next < items.length) {
      const position = next++;
      results[position] = await fn(items[position]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, (_, index) => lane(index)));
  return results;
}
