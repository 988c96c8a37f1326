// A service's model (request level or LLM token level) and, for an LLM, the fields of its `llm`
// block (docs/llm-serving.md): hardware per GPU, the model's shape, vLLM's scheduler, prompt and
// output lengths (a distribution, or a column of the arrival trace), and the TTFT and TPOT SLOs.
// Every label carries its unit; the hardware's large numbers are read back in the hints.
import { useId } from 'react';
import { useAppStore } from '../../store';
import { DistPicker } from '../DistPicker';
import { FieldShell } from '../FieldShell';
import { getAtPath, type JsonPath } from '../json-path';
import { CheckField, ChoiceField, ValueField } from '../ScenarioFields';
import { useFieldValue } from '../use-field';
import { StrayNote } from '../IssueNote';
import {
  SERVICE_MODEL_LABELS, countText, defaultBatchedTokens, modelSwitchEdits, serviceModelOf, siText, tokenLengthFor, tokenSourceOf,
  type ServiceModel, type TokenField, type TokenSource,
} from './llm-block';
import { OptionalValueField } from './OptionalValueField';
import { TimeColumnField } from './TimeColumnField';
import { useStrayIssues } from '../use-stray-issues';

const MODELS: readonly ServiceModel[] = ['request', 'llm'];

/** The service's "Model" choice: two radio buttons, each switch one edit (undo restores the other). */
export function ServiceModelField({ path }: { path: JsonPath }) {
  const id = useId();
  const model = useAppStore((s) => serviceModelOf(getAtPath(s.raw, path)));
  const editFields = useAppStore((s) => s.editFields);
  const choose = (to: ServiceModel) => {
    const edits = modelSwitchEdits(path, getAtPath(useAppStore.getState().raw, path), to);
    if (edits.length > 0) editFields(edits);
  };
  return (
    <fieldset className="service-model" aria-describedby={`${id}-note`}>
      <legend>Model</legend>
      <div className="service-model-options">
        {MODELS.map((m) => (
          <label key={m} className="service-model-option">
            <input type="radio" name={`${id}-model`} value={m} checked={model === m} onChange={() => choose(m)} />
            {SERVICE_MODEL_LABELS[m]}
          </label>
        ))}
      </div>
      <p id={`${id}-note`} className="field-hint">
        {model === 'llm'
          ? 'Each request is served token by token with continuous batching; service time, concurrency, batching, queue limit, timeout, autoscaling and replica failures do not apply.'
          : 'LLM, token level writes an 8B model on one H100-class GPU, removes the fields it does not use and raises a budget below 30 s to 30 s; undo (Ctrl+Z) restores the service.'}
      </p>
    </fieldset>
  );
}

/** A large number with its reading in the hint ("= 600 TFLOP/s"), after any static hint. */
function ScaledField({ label, path, read, hint, defaultValue }: { label: string; path: JsonPath; read: (v: unknown) => string | null; hint?: string; defaultValue?: number }) {
  const reading = read(useFieldValue(path));
  const text = [reading ? `= ${reading}` : null, hint ?? null].filter(Boolean).join('; ');
  return <ValueField label={label} path={path} hint={text || undefined} defaultValue={defaultValue} />;
}

/** A token length: a distribution, or with trace arrivals (or a column already set) a column of the trace. */
function TokenLengthField({ path, field, name, trace }: { path: JsonPath; field: TokenField; name: string; trace: boolean }) {
  const raw = useFieldValue(path);
  const source = tokenSourceOf(raw);
  const setField = useAppStore((s) => s.setField);
  const issues = useStrayIssues(path, ['column']);
  const choosable = trace || source === 'column';
  return (
    <div className="token-length wide">
      {choosable && (
        <FieldShell label={`${name} from`} issues={source === 'column' ? issues : []} wide>
          {(aria) => (
            <select {...aria} value={source} onChange={(e) => setField(path, tokenLengthFor(field, e.target.value as TokenSource))}>
              <option value="dist">a distribution (tokens)</option>
              <option value="column">a column of the arrival trace (tokens per request)</option>
            </select>
          )}
        </FieldShell>
      )}
      {source === 'column'
        ? <TimeColumnField path={[...path, 'column']} label={`${name} column (tokens)`} placeholder="header name or index" />
        : <DistPicker name={name} unit="tokens" path={path} />}
    </div>
  );
}

export function LlmFields({ path }: { path: JsonPath }) {
  const llm = [...path, 'llm'];
  const at = (...rest: string[]) => [...llm, ...rest];
  const trace = useAppStore((s) => getAtPath(s.raw, [...path, 'arrivals', 'process']) === 'trace');
  const budget = useAppStore((s) => defaultBatchedTokens(getAtPath(s.raw, at('scheduler')), getAtPath(s.raw, at('model'))));
  return (
    <>
      <StrayNote path={llm} shownKeys={['hardware', 'model', 'scheduler', 'prompt_tokens', 'output_tokens', 'slo']} />
      <fieldset>
        <legend>LLM hardware, per GPU</legend>
        <StrayNote path={at('hardware')} shownKeys={['compute_flops', 'memory_bandwidth', 'kv_cache_bytes', 'bytes_per_param', 'gpus_per_replica']} />
        <div className="field-grid">
          <ScaledField label="Compute (FLOP/s per GPU)" path={at('hardware', 'compute_flops')} read={(v) => siText(v, 'FLOP/s')} hint="achievable: 50–70% of the datasheet" />
          <ScaledField label="Memory bandwidth (bytes/s per GPU)" path={at('hardware', 'memory_bandwidth')} read={(v) => siText(v, 'B/s')} hint="achievable: 80–90% of the datasheet" />
          <ScaledField label="KV cache (bytes per GPU)" path={at('hardware', 'kv_cache_bytes')} read={(v) => siText(v, 'B')} hint="memory set aside for the KV cache" />
          <ValueField label="Bytes per parameter (bytes)" path={at('hardware', 'bytes_per_param')} hint="2 for fp16 or bf16, 1 for fp8" />
          <ValueField label="GPUs per replica (GPUs)" path={at('hardware', 'gpus_per_replica')} defaultValue={1} hint="tensor-parallel degree" />
        </div>
      </fieldset>
      <fieldset>
        <legend>LLM model</legend>
        <StrayNote path={at('model')} shownKeys={['num_parameters', 'num_layers', 'hidden_dim', 'num_heads', 'num_kv_heads', 'max_seq_len']} />
        <div className="field-grid">
          <ScaledField label="Parameters (count)" path={at('model', 'num_parameters')} read={countText} />
          <ValueField label="Layers (count)" path={at('model', 'num_layers')} />
          <ValueField label="Hidden size (dimensions)" path={at('model', 'hidden_dim')} />
          <ValueField label="Attention heads (count)" path={at('model', 'num_heads')} />
          <ValueField label="KV heads (count)" path={at('model', 'num_kv_heads')} hint="fewer than heads: grouped-query attention" />
          <ValueField label="Max sequence length (tokens)" path={at('model', 'max_seq_len')} hint="longer prompts are rejected" />
        </div>
      </fieldset>
      <fieldset>
        <legend>LLM scheduler (vLLM)</legend>
        <StrayNote path={at('scheduler')} shownKeys={['max_num_seqs', 'max_num_batched_tokens', 'enable_chunked_prefill', 'block_size', 'policy']} />
        <div className="field-grid">
          <ValueField label="Max sequences per batch (sequences)" path={at('scheduler', 'max_num_seqs')} defaultValue={256} />
          <OptionalValueField
            label="Max batched tokens per iteration (tokens)"
            path={at('scheduler', 'max_num_batched_tokens')}
            absentMeans={budget === null ? 'vLLM’s default' : `${budget} (default)`}
          />
          <ValueField label="KV cache block size (tokens)" path={at('scheduler', 'block_size')} defaultValue={16} />
          <ChoiceField label="Scheduling policy" path={at('scheduler', 'policy')} options={[['fcfs', 'first come, first served']]} defaultValue="fcfs" />
          <CheckField label="Chunked prefill" path={at('scheduler', 'enable_chunked_prefill')} defaultValue hint="split long prompts over iterations" />
        </div>
      </fieldset>
      <fieldset>
        <legend>LLM tokens per request</legend>
        <div className="field-grid">
          <TokenLengthField path={at('prompt_tokens')} field="prompt_tokens" name="Prompt length" trace={trace} />
          <TokenLengthField path={at('output_tokens')} field="output_tokens" name="Output length" trace={trace} />
        </div>
      </fieldset>
      <fieldset>
        <legend>LLM SLOs</legend>
        <StrayNote path={at('slo')} shownKeys={['ttft_ms', 'ttft_percentile', 'tpot_ms', 'tpot_percentile']} />
        <div className="field-grid">
          <ValueField label="Time to first token SLO (ms)" path={at('slo', 'ttft_ms')} />
          <ValueField label="TTFT percentile (0–100)" path={at('slo', 'ttft_percentile')} defaultValue={99} />
          <ValueField label="Time per output token SLO (ms)" path={at('slo', 'tpot_ms')} />
          <ValueField label="TPOT percentile (0–100)" path={at('slo', 'tpot_percentile')} defaultValue={99} />
        </div>
      </fieldset>
    </>
  );
}
