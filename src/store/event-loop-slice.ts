/**
 * Long loops on the event loop's thread (unpacking every symbol's closes, a whole-universe perf table)
 * hand the loop back every few milliseconds, so a server holding the store keeps answering small
 * requests (one symbol's series, the data-version check) while one of them runs. In a command the
 * pauses cost a few microseconds each.
 */

/** How long such a loop runs before it lets other work through. */
export const SLICE_MS = 4;

/** Resolves on a later turn of the event loop, after pending I/O callbacks. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
