import fs from 'node:fs';
import { seededRandom } from '../../shared/model/testing/synthetic.ts';
import { openDocumentFile } from '../../electron/store/index.ts';
import { RandomEdits } from '../../electron/store/testing/random-edits.ts';

/*
 * A child process for the crash tests: opens a document and applies random edits as fast as it can until it
 * is killed. Each apply also sets the design's description to "apply <revision>", so the checker can see that
 * the revision counter and the content were committed together. After each apply returns it writes
 * "ack <revision>" to stdout with a synchronous write: a line the parent reads is an apply that returned.
 *
 * Usage: node test/bench/crash-writer.ts <file.mlarch> <seed> [max applies]
 */

const [file, seedText, maxText] = process.argv.slice(2);
if (!file || !seedText) {
  process.stderr.write('usage: node test/bench/crash-writer.ts <file.mlarch> <seed> [max applies]\n');
  process.exit(2);
}
const max = maxText === undefined ? Number.POSITIVE_INFINITY : Number(maxText);
const document = openDocumentFile(file);
const edits = new RandomEdits(seededRandom(Number(seedText)));
fs.writeSync(1, `ready ${document.revision}\n`);
for (let i = 0; i < max; i++) {
  const { op } = edits.next(document.design);
  const revision = document.apply([
    op,
    { type: 'meta.update', changes: { description: `apply ${document.revision + 1}` } },
  ]);
  fs.writeSync(1, `ack ${revision}\n`);
}
document.close();
