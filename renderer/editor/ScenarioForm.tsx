// The form view: run settings, then one form per section (pipeline, cluster, serving, readiness),
// each added or removed here. It edits the same text as the JSON view, field by field, through
// jsonc-parser edits, so what a form does not touch stays exactly as written.
import { useAppStore } from '../store';
import { ClusterForm } from './cluster/ClusterForm';
import { getAtPath } from './json-path';
import { PipelineForm } from './pipeline/PipelineForm';
import { ReadinessForm } from './ReadinessForm';
import { ValueField } from './ScenarioFields';
import { DescriptionField } from './DescriptionField';
import { FORM_SECTIONS, sectionStarter, type FormSection } from './section-starters';
import { ServingForm } from './serving/ServingForm';

const SECTION_FORMS: Record<FormSection, () => React.JSX.Element> = {
  pipeline: PipelineForm,
  cluster: ClusterForm,
  serving: ServingForm,
  readiness: ReadinessForm,
};

export function ScenarioForm() {
  const syntaxOk = useAppStore((s) => s.raw !== undefined);
  const present = useAppStore((s) => FORM_SECTIONS.map((x) => getAtPath(s.raw, [x.id]) !== undefined).join());
  const setField = useAppStore((s) => s.setField);

  if (!syntaxOk) {
    return <p className="message warn">The JSON has a syntax error, so the form is unavailable. Fix it in the JSON view (the problem list says where).</p>;
  }
  const has = present.split(',').map((v) => v === 'true');
  const missing = FORM_SECTIONS.filter((_, i) => !has[i]);

  return (
    <form className="scenario-form" aria-label="Scenario form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Scenario</legend>
        <div className="field-grid">
          <ValueField label="Scenario name" path={['name']} numeric={false} wide />
          <DescriptionField />
          <ValueField label="Seed" path={['seed']} defaultValue={1} />
          <ValueField label="Replications" path={['replications']} defaultValue={5} />
          <ValueField label="Horizon (s)" path={['horizon_s']} defaultValue={3600} />
          <ValueField label="Warm-up (s)" path={['warmup_s']} defaultValue={0} />
        </div>
      </fieldset>
      {FORM_SECTIONS.map(({ id, label }, i) => {
        if (!has[i]) return null;
        const Form = SECTION_FORMS[id];
        return (
          <section key={id} className="form-section" aria-labelledby={`form-section-${id}`}>
            <div className="form-section-head">
              <h3 id={`form-section-${id}`}>{label}</h3>
              <button type="button" className="link-button" onClick={() => setField([id], undefined)}>
                Remove {label.toLowerCase()} section
              </button>
            </div>
            <Form />
          </section>
        );
      })}
      {missing.length > 0 && (
        <div className="add-sections" role="group" aria-label="Add a section">
          {missing.map(({ id, label }) => (
            <button key={id} type="button" onClick={() => setField([id], sectionStarter(id))}>Add {label.toLowerCase()}</button>
          ))}
        </div>
      )}
    </form>
  );
}
