import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mentionMatcher } from '../../src/lib/lifecycle/mentions.ts';
import { readLifecycle } from '../../src/lib/lifecycle/read.ts';

// The lifecycle data the project ships (content/lifecycle/): the names old support articles use
// for software that is out of support, with the end days of Microsoft's lifecycle pages.
const matcher = mentionMatcher(readLifecycle(fileURLToPath(new URL('../../content/lifecycle', import.meta.url))));
const found = (text: string) =>
  matcher.find(text).map((m) => [m.text, m.product, m.end?.eol instanceof Date ? m.end.eol.toISOString().slice(0, 10) : m.end?.eol]);

describe("the project's lifecycle data", () => {
  it.each([
    // a name that stands for one release: the Office Button exists only in the 2007 programs
    ['Click the Microsoft Office Button, and then click Options.', 'Microsoft Office Button', 'office', '2017-10-10'],
    ['Klicken Sie auf die Microsoft Office-Schaltfläche und dann auf Optionen.', 'Microsoft Office-Schaltfläche', 'office', '2017-10-10'],
    ['Programme des 2007 Microsoft Office System', '2007 Microsoft Office System', 'office', '2017-10-10'],
    ['Programs of the 2007 Microsoft Office system', '2007 Microsoft Office system', 'office', '2017-10-10'],
    ['Windows 2000 clients', 'Windows 2000', 'windows', '2010-07-13'],
    ['Windows 98', 'Windows 98', 'windows', '2006-07-11'],
    // a version line lasts as long as its last service pack
    ['Windows Server 2003', 'Windows Server 2003', 'windows-server', '2015-07-14'],
    ['Microsoft Visual C# 2005', 'Microsoft Visual C# 2005', 'visual-studio', '2016-04-12'],
    ['Visual Studio .NET', 'Visual Studio .NET', 'visual-studio', '2013-10-08'],
    ['Visual Basic 6.0', 'Visual Basic 6.0', 'visual-studio', '2008-04-08'],
    ['InfoPath 2007', 'InfoPath 2007', 'infopath', '2017-10-10'],
    ['Windows Phone 8.1', 'Windows Phone 8.1', 'windows-phone', '2017-07-11'],
    ['Windows 10 Mobile', 'Windows 10 Mobile', 'windows-phone', '2020-01-14'],
    ['Silverlight', 'Silverlight', 'silverlight', '2021-10-12'],
    ['Microsoft Edge Legacy', 'Microsoft Edge Legacy', 'edge-legacy', '2021-03-09'],
  ])('reads %j', (text, mention, product, eol) => {
    expect(found(text)).toEqual([[mention, product, eol]]);
  });

  it('says which release a name without a version stands for', () => {
    expect(matcher.find('the Microsoft Office Button').map((m) => m.means)).toEqual(['Microsoft Office 2007']);
    expect(matcher.find('Visual Basic 6.0 and Windows 10 Mobile').map((m) => m.means)).toEqual(['Microsoft Visual Studio 6.0', undefined]);
  });

  it.each([
    ['SharePoint 2013 workflows in SharePoint Online', 'SharePoint Online', 'sharepoint-online'],
    ['Outlook for Microsoft 365', 'Microsoft 365', 'microsoft-365'],
    ['Office 365 ProPlus', 'Office 365', 'microsoft-365'],
    ['OneDrive for Business', 'OneDrive for Business', 'onedrive'],
    ['Microsoft Teams', 'Microsoft Teams', 'teams'],
    ['Azure Active Directory', 'Azure Active Directory', 'entra-id'],
  ])('knows the cloud service in %j as supported', (text, mention, product) => {
    expect(found(text)).toContainEqual([mention, product, false]);
  });

  it('says nothing about names whose product lives on: Visual Basic for Applications, Windows 10, Microsoft Edge', () => {
    expect(found('Visual Basic for Applications in Microsoft Edge').filter(([, , eol]) => eol !== false)).toEqual([]);
    expect(found('Windows 10')).toEqual([['Windows 10', 'windows', '2025-10-14']]);
  });
});
