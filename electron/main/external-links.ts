// The only addresses the app hands to the system browser (shell.openExternal): the sources and
// licence of its bundled data, which the Licences view links to. Anything else a page asks to
// open is refused, whatever its scheme; Electron's checklist warns that openExternal with
// untrusted input can run programs. (The documentation ships with the app: Help opens it locally.)
const ALLOWED_PREFIXES = [
  'https://github.com/Azure/AzurePublicDataset',
  'https://github.com/alibaba/clusterdata',
  'https://creativecommons.org/licenses/by/4.0/',
];

/** Whether `url` is an https address on the allow-list (no credentials, no other port). */
export function isAllowedExternal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false;
  const href = u.href;
  return ALLOWED_PREFIXES.some((p) => href === p || href === `${p}/` || href.startsWith(p.endsWith('/') ? p : `${p}/`));
}
