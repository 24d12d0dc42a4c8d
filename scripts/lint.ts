import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// Checks that no linter catches for us here (typescript-eslint would need a second TypeScript).
const rules: [RegExp, string][] = [
  [/\b(test|it|describe)\.(only|skip)\(|\bxit\(/, 'no .only or .skip left behind'],
  [/@ts-nocheck|@ts-ignore/, 'no @ts-nocheck or @ts-ignore'],
  [/^\s*(export\s+)?(const\s+)?enum\s/m, 'no TypeScript enum: use a const object or a union'],
  [/from '(\.\.\/)+api\//, 'web/ and worker/ never import api/'],
];

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && fs.existsSync(f) && f !== 'scripts/lint.ts');

const problems: string[] = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  for (const [pattern, rule] of rules) {
    if (rule.includes('api/') && !/^(web|worker|schema)\//.test(file)) continue;
    if (rule.includes('api/') && file.endsWith('.test.ts')) continue;
    const line = text.split('\n').findIndex((l) => pattern.test(l));
    if (line >= 0) problems.push(`${file}:${line + 1}: ${rule}`);
  }
  if (file.startsWith('schema/') && /from '\.\.\/(api|worker|web)\//.test(text)) problems.push(`${file}: schema/ imports nothing of the others`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`lint: ${files.length} files clean`);
