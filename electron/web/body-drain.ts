// "Lingering close" for the preview server. An answer sent while the client is still sending its
// body can be lost: with Connection: close the server closes the socket with unread bytes in it,
// and the kernel resets the connection, dropping the answer. So before answering a request whose
// body was not read (refused early, or over the limit), the rest is read and dropped, until it
// ends, DROP_BYTES more have come, or the client pauses for DROP_IDLE_MS.
import type http from 'node:http';

const DROP_BYTES = 64 * 1024 * 1024;
const DROP_IDLE_MS = 1000;

/** Runs `write` (which writes the whole response) once the request's body is read or dropped. */
export function afterRequestBody(res: http.ServerResponse, write: () => void): void {
  const req = res.req as http.IncomingMessage | undefined;
  if (!req || req.complete || req.readableEnded || req.destroyed) return write();
  let dropped = 0;
  let written = false;
  const go = () => {
    if (written) return;
    written = true;
    clearTimeout(timer);
    req.off('data', count);
    if (!res.destroyed) write();
  };
  const count = (c: Buffer) => {
    dropped += c.length;
    if (dropped > DROP_BYTES) go();
    else timer.refresh();
  };
  const timer = setTimeout(go, DROP_IDLE_MS);
  req.on('data', count);
  req.on('end', go);
  req.on('close', () => clearTimeout(timer));
  req.resume();
}
