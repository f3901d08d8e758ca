import { openDocumentFile } from '../../electron/store/index.ts';

/*
 * Opens one document in a fresh process and prints the milliseconds it took: what a user waits for when
 * the app starts with that document (no warmed-up code paths), as opposed to store.open's warm median.
 */
const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: node test/bench/open-once.ts <file.mlarch>\n');
  process.exit(2);
}
const start = performance.now();
const document = openDocumentFile(file);
const elapsed = performance.now() - start;
document.close();
process.stdout.write(`${elapsed}\n`);
