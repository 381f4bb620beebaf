/**
 * Compares two byte arrays without an early exit, so the time taken does not reveal how
 * many leading bytes of a guessed proof were right. Lengths are public and may differ.
 */
export function constantTimeEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index += 1) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}
