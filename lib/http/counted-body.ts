export const COUNTED_CHUNK = 16 * 1024;

/** For tests of the body limit: a body of `total` bytes made only as it is read, counting the bytes pulled. */
export function countedBody(total: number) {
  const counted = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counted.pulled >= total) return controller.close();
        const size = Math.min(COUNTED_CHUNK, total - counted.pulled);
        counted.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counted };
}
