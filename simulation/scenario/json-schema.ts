// The scenario format as JSON Schema (draft 2020-12), for editors and other tools. It describes
// the input (defaults are shown, not required); cross-field rules (references, acyclicity) are
// only in ./rules.ts.
import { z } from 'zod';
import { SCENARIO_FORMAT, scenarioObjectSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioObjectSchema, { io: 'input', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  return {
    $id: 'https://headroom.dev/schema/headroom.scenario.v1.json',
    title: `Headroom scenario (${SCENARIO_FORMAT})`,
    ...schema,
  };
}
