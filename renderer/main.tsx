// Renderer entry: zod without eval (first), styles, then the app in StrictMode.
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/library.css';
import './styles/editor.css';
import './styles/results.css';
import './styles/charts.css';
import './styles/history.css';
import './styles/cluster-tools.css';
import './styles/pipeline.css';
import './styles/cluster.css';
import './styles/report-export.css';
import './styles/verdicts.css';
import './styles/whatif-compare.css';
import './styles/whatif-live.css';
import './styles/whatif-analyses.css';
import './styles/playback.css';
import './styles/time-charts.css';
import './styles/serving-form.css';
import './styles/cluster-form.css';
import './styles/pipeline-editor.css';
import './styles/json-editor.css';
import './styles/llm-form.css';
import './styles/llm-results.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
