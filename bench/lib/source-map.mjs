// Which source module a position in a built file (cdn/*.js) came from, read from its source map.
import { readFileSync } from 'node:fs';
import { decode } from '@jridgewell/sourcemap-codec';

/** For a built file: (line, column) -> source path, from its source map. */
export function sourceLookup(file) {
  let map;
  try {
    map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  } catch {
    return () => undefined;
  }
  const lines = decode(map.mappings);
  return (line, column) => {
    let found;
    for (const [start, source] of lines[line] ?? []) if (start <= column) found = source;
    return found === undefined ? undefined : map.sources[found].replace(/^(\.\.\/)+/, '');
  };
}
