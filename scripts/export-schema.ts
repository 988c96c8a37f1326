// Writes assets/scenario.schema.json from the zod schema (`npm run schema`). A unit test fails
// when the committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { scenarioJsonSchema } from '../simulation';

const file = path.resolve(__dirname, '..', 'assets', 'scenario.schema.json');
fs.writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
