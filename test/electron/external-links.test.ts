// shell.openExternal's allow-list (checklist item 15): only https addresses under the listed
// prefixes; a look-alike host or path, another scheme, credentials or a port are refused.
import { describe, expect, it } from 'vitest';
import { isAllowedExternal } from '../../electron/main/external-links';

describe('isAllowedExternal', () => {
  it.each([
    'https://creativecommons.org/licenses/by/4.0/',
    'https://creativecommons.org/licenses/by/4.0/legalcode',
    'https://github.com/Azure/AzurePublicDataset',
    'https://github.com/Azure/AzurePublicDataset/blob/master/AzureLLMInferenceDataset2023.md',
    'https://github.com/alibaba/clusterdata',
  ])('allows %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    'http://github.com/Azure/AzurePublicDataset',
    'https://github.com/Azure/AzurePublicDatasetEvil',
    'https://github.com/Azure/AzurePublicDataset.evil.example/',
    'https://github.com.evil.example/Azure/AzurePublicDataset',
    'https://user:pw@github.com/Azure/AzurePublicDataset',
    'https://github.com:8443/Azure/AzurePublicDataset',
    'https://github.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'app://headroom/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});
