// File → New Scenario: a small scenario that validates and runs as it is (one service), for the
// user to edit. Kept as text so that it opens in the editor as written.
export const BLANK_SCENARIO_TEXT = `{
  "format": "headroom.scenario/v1",
  "name": "Untitled scenario",
  "description": "A new scenario: one service at 100 requests/s on 2 replicas. Edit it, or add a cluster or a pipeline (docs/scenario-format.md).",
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
`;
