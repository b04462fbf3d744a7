// Generates src/lib/api/schema.d.ts from docs/openapi.json (openapi-typescript),
// or with --check fails when the checked-in file differs from what the document
// generates, so that the web's API types cannot drift from the document.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const documentUrl = new URL('../../docs/openapi.json', import.meta.url);
const schemaUrl = new URL('../src/lib/api/schema.d.ts', import.meta.url);
const HEADER = `/**
 * Generated from docs/openapi.json by \`npm run gen:api\` (openapi-typescript).
 * Do not edit: change the document and run the script again.
 */

`;

const generated = HEADER + astToString(await openapiTS(documentUrl));

if (process.argv.includes('--check')) {
  const current = await readFile(schemaUrl, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error(
      'src/lib/api/schema.d.ts does not match docs/openapi.json: run `npm run gen:api` and commit it.',
    );
    process.exit(1);
  }
} else {
  await writeFile(schemaUrl, generated);
}
