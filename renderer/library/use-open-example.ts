// Opening a bundled example, as "New from example" and the gallery both do: the store's
// createFromExample (create the scenario, then open it), busy while it runs.
import { useState } from 'react';
import { useAppStore } from '../store';

export function useOpenExample() {
  const create = useAppStore((s) => s.createFromExample);
  const [busy, setBusy] = useState(false);
  const open = async (exampleId: string) => {
    setBusy(true);
    try {
      await create(exampleId);
    } finally {
      setBusy(false);
    }
  };
  return { busy, open };
}
