// The preview server's one mapping from errors to answers: bad input is a 4xx with its message;
// anything else a 500 whose body says nothing of the error, with the stack in the server's log.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadRequestError } from '../../../electron/common/api-validate';
import { BackendError, describeError, HttpError } from '../../../electron/web/http-errors';

afterEach(() => vi.restoreAllMocks());

describe('describeError', () => {
  it('gives bad input its 4xx and message', () => {
    expect(describeError(new URIError('URI malformed'), 'GET /%ff')).toEqual({ status: 400, message: 'malformed percent-encoding in the URL' });
    expect(describeError(new BadRequestError('id: must be an id string'), 'POST')).toEqual({ status: 400, message: 'id: must be an id string' });
    expect(describeError(new HttpError(413, 'too large'), 'POST')).toEqual({ status: 413, message: 'too large' });
    expect(describeError(BackendError.from(new Error('Could not restore the library while a run is in progress')), 'POST').status).toBe(500);
  });

  it('answers anything else with a generic 500 and logs the stack to stderr only', () => {
    const log = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const e = new TypeError("Cannot read properties of undefined (reading 'secretField')");
    const described = describeError(e, 'GET /x');
    expect(described.status).toBe(500);
    expect(described.message).not.toContain('secretField');
    expect(String(log.mock.calls[0]?.[0])).toContain(e.stack!);
  });
});
