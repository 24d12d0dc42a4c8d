import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedModules } from '../schema/generated-modules';

// Writes schema/generated/ from the entity definitions. Run it after a schema change and commit
// the diff with it; schema/generated-modules.test.ts fails until then.
const schemaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema');
for (const [file, text] of Object.entries(generatedModules())) {
  const target = path.join(schemaDir, file);
  const unchanged = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
  if (!unchanged) fs.writeFileSync(target, text);
  console.log(`${unchanged ? 'unchanged' : 'written  '} schema/${file}`);
}
