// The fake backend stands behind the same gate as the real one: a call it answers must be one
// the contract allows, and what it answers must be what the contract describes.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from './fake-backend';
import { EXAMPLES, SMALL } from './store-harness';

describe('the fake backend', () => {
  it('refuses arguments the contract refuses, naming the argument', async () => {
    const fake = new FakeBackend(EXAMPLES);
    await expect(fake.api.getScenario('../etc')).rejects.toThrow('id: must be an id string');
    await expect(fake.api.restoreLibraryBackup('backup.sqlite')).rejects.toThrow('name: must be the file name of a backup');
  });

  it('answers only what the contract describes', async () => {
    const fake = new FakeBackend(EXAMPLES);
    const created = await fake.api.createScenario(SMALL);
    expect(created.ok).toBe(true);
    fake.status = { ...fake.status, schemaVersion: 1.5 };
    await expect(fake.api.libraryStatus()).rejects.toThrow(/libraryStatus: the result does not match the contract: result\.schemaVersion/);
  });
});
