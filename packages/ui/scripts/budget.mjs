// Prints the gzipped size of every JavaScript and CSS file of the built app and fails the build
// when their sum is over the budget (the whole app, as a browser downloads it).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const root = fileURLToPath(new URL('../dist/app', import.meta.url));

const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(js|css)$/.test(entry.name))
  .map((entry) => join(entry.parentPath, entry.name));
if (files.length === 0) {
  console.error(`budget: no .js or .css files under ${root}; did vite build run?`);
  process.exit(1);
}
let total = 0;
for (const file of files.sort()) {
  const raw = readFileSync(file);
  const gzipped = gzipSync(raw, { level: 9 }).length;
  total += gzipped;
  console.log(
    `  ${relative(root, file).padEnd(40)} ${kb(raw.length).padStart(9)} raw ${kb(gzipped).padStart(9)} gzip`,
  );
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`UI bundle: ${kb(total)} gzipped JS + CSS, ${verdict} the ${kb(BUDGET_BYTES)} budget`);
if (total > BUDGET_BYTES) process.exit(1);

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
