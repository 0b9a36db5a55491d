/**
 * Runs `load` at most once, on first use, and shares its result: what every field of one request
 * reads alike (a council's settings, the records its annual report is computed from).
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}
