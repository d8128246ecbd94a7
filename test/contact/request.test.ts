import { describe, expect, it } from 'vitest';
import { channelHref, contactQuestions, requestBody, type ContactRequest } from '../../src/lib/contact/request.ts';
import { resolveSiteOptions } from '../../src/lib/config.ts';

const request: ContactRequest = {
  lang: 'en',
  subject: 'Not solved: Printer shows as offline',
  answers: [
    { question: 'Printer name:', answer: 'PRN-4 & "floor" #2' },
    { question: 'Time of the last successful print:', answer: '   ' },
  ],
  article: { id: 'en/printer-offline', title: 'Printer shows as offline', url: 'https://kb.example.com/en/articles/printer-offline/' },
  query: 'printer offline?',
};

describe('contact requests', () => {
  it('write answered questions, the article and the search into the body; empty answers are left out', () => {
    expect(requestBody(request)).toBe(
      [
        'Self-service did not solve my problem.',
        '',
        'Printer name:',
        'PRN-4 & "floor" #2',
        '',
        'Article: Printer shows as offline (en/printer-offline)',
        'https://kb.example.com/en/articles/printer-offline/',
        'Searched for: printer offline?',
      ].join('\n'),
    );
  });

  it('open a mailto: link with subject and CRLF body, every character encoded', () => {
    const href = channelHref({ email: 'support@example.com' }, request)!;
    expect(href).toMatch(/^mailto:support@example\.com\?subject=Not%20solved%3A%20Printer%20shows%20as%20offline&body=/);
    expect(href).not.toMatch(/[ "#]/);
    expect(decodeURIComponent(href.split('&body=')[1]!)).toContain('Printer name:\r\nPRN-4 & "floor" #2');
  });

  it('fill a ticket portal template (Zendesk, Jira SM, ServiceNow, OTRS) URL-encoded', () => {
    const portals = {
      zendesk: 'https://example.zendesk.com/hc/en-us/requests/new?tf_subject={subject}&tf_description={body}',
      jira: 'https://example.atlassian.net/servicedesk/customer/portal/1/create/10?summary={subject}&description={body}',
      servicenow: 'https://example.service-now.com/sp?id=sc_cat_item&sys_id=abc&sysparm_short_description={subject}&sysparm_description={body}',
      otrs: 'https://otrs.example.com/otrs/customer.pl?Action=CustomerTicketMessage&Subject={subject}&Body={body}&Article={article}&Query={query}',
    };
    for (const [name, template] of Object.entries(portals)) {
      const url = new URL(channelHref({ url: template }, request)!);
      const params = [...url.searchParams.values()];
      expect(params, name).toContain('Not solved: Printer shows as offline');
      expect(params, name).toContain(requestBody(request));
    }
    const otrs = new URL(channelHref({ url: portals.otrs }, request)!);
    expect(otrs.searchParams.get('Article')).toBe('en/printer-offline');
    expect(otrs.searchParams.get('Query')).toBe('printer offline?');
    expect(channelHref({}, request)).toBeUndefined();
  });

  it('ask the author’s questions, else the escalation checklist, else general ones', () => {
    expect(contactQuestions('en', ['Which printer is it?'], ['Printer name'])).toEqual(['Which printer is it?']);
    expect(contactQuestions('de', [], ['Druckername', 'Seit wann?'])).toEqual(['Druckername:', 'Seit wann?']);
    expect(contactQuestions('de', undefined, undefined)[0]).toBe('Was wollten Sie tun?');
  });

  it('reject a bad contact or feedback configuration with the option name', () => {
    expect(() => resolveSiteOptions({ contact: { url: 'javascript:alert(1)' } }, {})).toThrow(
      'kb(): contact.url "javascript:alert(1)" must start with https://',
    );
    expect(() => resolveSiteOptions({ contact: { email: 'not an address' } }, {})).toThrow('contact.email');
    expect(() => resolveSiteOptions({ feedback: { endpoint: 'ftp://x' } }, {})).toThrow('feedback.endpoint');
    expect(resolveSiteOptions({}, { KB_COLLECT_ENDPOINT: '/events' }).feedbackEndpoint).toBe('/events');
    expect(resolveSiteOptions({}, {})).toMatchObject({ feedbackEndpoint: undefined, editLinks: 'internal' });
  });
});
