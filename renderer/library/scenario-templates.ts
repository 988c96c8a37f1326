// File → New Scenario and the library's New: small scenarios, one per layer, that validate and
// run as they are, for the user to edit. Kept as text so that each opens in the editor as
// written. The first is what File → New Scenario makes.
export interface ScenarioTemplate {
  id: 'serving' | 'cluster' | 'pipeline' | 'blank';
  /** The menu entry. */
  label: string;
  text: string;
}

export const SCENARIO_TEMPLATES: readonly ScenarioTemplate[] = [
  { id: 'serving', label: 'Serving: one service', text: `{
  "format": "headroom.scenario/v1",
  "name": "New serving scenario",
  "description": "A new serving scenario: one service at 100 requests/s on 2 replicas of 15 ms (exponential). Edit the arrivals, replicas and service time; add batching, autoscaling, failures and costs (docs/serving.md).",
  "seed": 1,
  "replications": 5,
  "horizon_s": 600,
  "serving": {
    "services": [
      {
        "id": "my_service",
        "arrivals": { "process": "poisson", "rate_rps": 100 },
        "replicas": 2,
        "service_time_ms": { "dist": "exponential", "mean": 15 },
        "latency_budget_ms": 200
      }
    ]
  }
}
` },
  { id: 'cluster', label: 'GPU cluster: one pool, a stream of jobs', text: `{
  "format": "headroom.scenario/v1",
  "name": "New GPU cluster",
  "description": "A new cluster scenario: one pool of 32 GPUs (4 nodes of 8) under FIFO, a stream of 8-GPU training jobs arriving every 30 minutes on average. Edit the pool, the jobs, the scheduler; add stragglers, failures and checkpoints (docs/cluster.md).",
  "seed": 1,
  "replications": 5,
  "horizon_s": 86400,
  "cluster": {
    "pools": [
      { "id": "gpu", "units": 32, "units_per_node": 8, "utilization_target": 0.8 }
    ],
    "scheduler": { "policy": "fifo", "placement": "pack" },
    "jobs": [],
    "job_generator": {
      "count": 40,
      "pool": "gpu",
      "interarrival_s": { "dist": "exponential", "mean": 1800 },
      "units": 8,
      "steps": 2000,
      "step_time_s": { "dist": "lognormal", "mean": 1.5, "cv": 0.1 }
    }
  }
}
` },
  { id: 'pipeline', label: 'Pipeline: four tasks, a fan-out and a join', text: `{
  "format": "headroom.scenario/v1",
  "name": "New pipeline",
  "description": "A new pipeline scenario: extract, then two transforms side by side, then a load that waits for both; each task can fail and retries once. Edit the tasks and edges; add gates, trigger rules and pools (docs/pipeline.md).",
  "seed": 1,
  "replications": 5,
  "pipeline": {
    "runs": 200,
    "tasks": [
      { "id": "extract", "duration_s": { "dist": "lognormal", "mean": 600, "cv": 0.3 }, "failure_probability": 0.02, "retries": 1 },
      { "id": "transform_a", "duration_s": { "dist": "lognormal", "mean": 900, "cv": 0.3 }, "failure_probability": 0.03, "retries": 1 },
      { "id": "transform_b", "duration_s": { "dist": "lognormal", "mean": 1200, "cv": 0.3 }, "failure_probability": 0.03, "retries": 1 },
      { "id": "load", "duration_s": { "dist": "lognormal", "mean": 300, "cv": 0.3 }, "failure_probability": 0.01, "retries": 1 }
    ],
    "edges": [["extract", "transform_a"], ["extract", "transform_b"], ["transform_a", "load"], ["transform_b", "load"]]
  }
}
` },
  // A scenario needs one of pipeline, cluster or serving to be valid (and saved), so "blank" is
  // the least that runs: one task, for the form's Add buttons and the DAG canvas to build on.
  { id: 'blank', label: 'Blank: one task to build on in the form', text: `{
  "format": "headroom.scenario/v1",
  "name": "New scenario",
  "description": "",
  "seed": 1,
  "replications": 5,
  "horizon_s": 3600,
  "pipeline": {
    "runs": 100,
    "tasks": [
      { "id": "task_1", "duration_s": 60 }
    ],
    "edges": []
  }
}
` },
];
