// Placeholder until the section form lands.
export function ClusterForm() {
  return <p className="field-note">Edit this section in the JSON view.</p>;
}
