/**
 * Stable insertion sort of a[0, len) in place, ascending. The engine sorts thousands of short windows a campaign;
 * for those, this orders finite numbers exactly as Array.prototype.sort((x, y) => x − y) without a comparator call
 * per step or a copy (docs/domain-rules.md, engine speed).
 */
export function insertionSort(a: Float64Array, len: number = a.length): void {
  for (let i = 1; i < len; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
