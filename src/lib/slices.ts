/**
 * Runs `each` over the items, handing the main thread back to the browser (`nextTask`) whenever a slice has run
 * for `sliceMs`, so long work done while the page loads never makes one long task.
 */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  each: (item: T) => void,
  nextTask: () => Promise<void>,
  sliceMs = 5,
): Promise<void> {
  let sliceEnd = performance.now() + sliceMs;
  for (const item of items) {
    each(item);
    if (performance.now() > sliceEnd) {
      await nextTask();
      sliceEnd = performance.now() + sliceMs;
    }
  }
}
