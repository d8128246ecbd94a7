import { describe, expect, it } from 'vitest';
import { redirectKind } from '../../scripts/bench/retirement.ts';

// Redirect targets as .openpublishing.redirection.json of MicrosoftDocs/OfficeDocs-Support has them:
// the stale-history bench counts an article whose address now leads to another live article as
// moved, not as gone out of date.
describe('where a retired article now leads', () => {
  it.each([
    ['/previous-versions/troubleshoot/content-retirement', 'notice'],
    ['/skypeforbusiness/troubleshoot/sfbonline-end-of-support', 'notice'],
    ['/previous-versions/troubleshoot/exchange/exchangeserver/office-365-hybrid-configuration-wizard-fails', 'archive'],
    ['https://support.microsoft.com/Word', 'landing'],
    ['/sharepoint/support/online', 'landing'],
    ['/MicrosoftTeams/troubleshoot/', 'landing'],
    ['https://support.microsoft.com/office/can-t-edit-certain-cells-153a45f4-6cab-44b1-93ca-801ddcd4ea53', 'article'],
    ['/sharepoint/troubleshoot/administration/access-denied-or-need-permission-error-sharepoint-online', 'article'],
    ['microsoft-365/security/office-365-security/create-safe-sender-lists-in-office-365?view=o365-worldwide', 'article'],
  ] as const)('%s is %s', (url, kind) => {
    expect(redirectKind(url)).toBe(kind);
  });
});
