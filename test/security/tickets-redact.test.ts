import { describe, expect, it } from 'vitest';
import { personNames, redact, withoutPlaceholders } from '../../src/lib/redact.ts';

// Hostile ticket text, one personal datum per case and per way of writing it: each must be gone.
describe('redaction removes personal data in every spelling', () => {
  it.each([
    ['e-mail', 'Bitte an anna.berg@firma.de antworten', 'Bitte an [email] antworten'],
    ['e-mail, plus address and umlaut', 'From: Jürgen.Groß+kb@beispiel-firma.co.uk.', 'From: [email].'],
    ['phone, area code in parentheses', 'Rückruf unter (030) 1234567 bitte', 'Rückruf unter [phone] bitte'],
    ['phone, international with trunk zero', 'Tel. +49 (0)30 1234567', 'Tel. [phone]'],
    ['phone, international with 00', 'call 0049 30 1234567 now', 'call [phone] now'],
    ['phone, slash', 'Tel.: 030/1234567', 'Tel.: [phone]'],
    ['phone, DIN 5008 groups', 'Telefon 030 12 34 56 7', 'Telefon [phone]'],
    ['phone, mobile compact', 'Handy 01701234567.', 'Handy [phone].'],
    ['phone, US form', 'call +1 (555) 123-4567', 'call [phone]'],
    ['two phones in a row', '+49 30 1234567 / 030-98765432', '[phone] / [phone]'],
    ['IBAN, spaced', 'IBAN DE89 3704 0044 0532 0130 00 bitte', 'IBAN [iban] bitte'],
    ['IBAN, compact', 'Konto DE89370400440532013000.', 'Konto [iban].'],
    ['IBAN, lower case', 'iban de89 3704 0044 0532 0130 00', 'iban [iban]'],
    ['IBAN, irregular spacing', 'DE89 37040044 0532013000', '[iban]'],
    ['IBAN, mistyped checksum', 'IBAN: DE12 3456 7890 1234 5678 90', 'IBAN: [iban]'],
    ['IBAN, British with letters', 'GB29 NWBK 6016 1331 9268 19', '[iban]'],
    ['IBAN, Austrian compact', 'AT611904300234573201', '[iban]'],
    ['IPv4', 'host 192.168.10.4, port', 'host [ip], port'],
    ['IPv4 with port', 'proxy 10.0.0.1:8080', 'proxy [ip]'],
    ['IPv6, compressed', 'Gateway 2001:db8::1 down', 'Gateway [ip] down'],
    ['IPv6, full', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '[ip]'],
    ['IPv6, link-local with zone', 'fe80::1%eth0', '[ip]'],
    ['IPv6, loopback', 'ping ::1', 'ping [ip]'],
    ['MAC, colons', 'MAC 00:1A:2B:3C:4D:5E', 'MAC [mac]'],
    ['MAC, dashes lower case', 'physical address 00-1a-2b-3c-4d-5e', 'physical address [mac]'],
    ['MAC, Cisco dots', 'mac 001a.2b3c.4d5e', 'mac [mac]'],
    ['secret after Passwort:', 'Passwort: Sommer2024! danke', 'Passwort: [secret] danke'],
    ['secret after "Passwort ist"', 'Mein Passwort ist Sommer2024!', 'Mein Passwort ist [secret]'],
    ['secret after Kennwort=', 'Kennwort=geheim', 'Kennwort=[secret]'],
    ['secret after password is', 'my password is hunter2', 'my password is [secret]'],
    ['secret after pwd, upper case', 'PWD: abc', 'PWD: [secret]'],
    ['secret after PIN', 'PIN 1234 am Drucker', 'PIN [secret] am Drucker'],
    ['secret after PIN-Code', 'PIN-Code: 9876', 'PIN-Code: [secret]'],
  ])('%s', (_, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('removes the names of person columns wherever they recur, whole and as first and last name', () => {
    const people = personNames(['Anna Berg', 'berg.anna@firma.de', 'Service Desk']);
    expect(redact('Hallo Frau Berg, ANNA hat angerufen. Anna Berg / Service Desk / Bergbau', people)).toBe(
      'Hallo Frau [name], [name] hat angerufen. [name] / Service Desk / Bergbau',
    );
    // "Berg, Anna" as the export writes it, and role words that are not names
    expect(redact('Rückmeldung von anna, berg ist im Urlaub', personNames(['Berg, Anna', 'Opened by 8']))).toBe('Rückmeldung von [name], [name] ist im Urlaub');
  });

  it('leaves no placeholder word for topic terms', () => {
    expect(withoutPlaceholders('Drucker [email] [phone] offline [name]').split(/\s+/).filter(Boolean)).toEqual(['Drucker', 'offline']);
  });
});

// The precision list: what a support article needs from a ticket survives redaction unchanged.
describe('redaction keeps what is not personal', () => {
  it.each([
    'Windows 10',
    'Windows 11 23H2',
    'Error 0x80070005 when installing',
    '0x800CCC0E',
    'KB5034441 fixed the issue for some users',
    'Office 16.0.17928.20114',
    'Version 2.1.0.12',
    'Build 22631.2861',
    'on 22.11.2026 at 14:03',
    '2026-11-22 14:03:22',
    '05/06/2024',
    'since 2024-05-06',
    'ticket INC0012345',
    'Port 8080, error 404, 1.000 Nutzer, 3,5 GB',
    'Passwort ist abgelaufen',
    'password reset needed',
    'pin the app to the taskbar',
    'std::vector, 2nd-Level::Netzwerk',
    'Outlook 2016 Version 2310 (Build 16924.20150)',
    'Printer HP LaserJet M404dn',
  ])('%s', (text) => {
    expect(redact(text)).toBe(text);
  });
});
