// Fields the scenario sets but the engine ignores in its configuration (scenario-format.md,
// "Fields ignored in some configurations"): one warning each on stderr, which `validate` and
// `run` print without failing.
import { ignoredFields, type Scenario } from '../../simulation';

export function warnIgnoredFields(scenario: Scenario): void {
  for (const f of ignoredFields(scenario)) process.stderr.write(`headroom: warning: ${f.path}: ${f.message}\n`);
}
