/**
 * @internal How many of the first `length` indexes satisfy `holds`, for a `holds` that is true up to
 * some index and false from there on (sorted data asked "is this one at most x?"): a binary search,
 * O(log length).
 */
export function countWhile(length: number, holds: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (holds(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
