/**
 * Ticket text holds personal data. Everything taken from a ticket into an article or a report
 * goes through here first: e-mail addresses, IBANs, IP addresses and phone numbers are replaced.
 */
const RULES: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g, '[iban]'],
  [/\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g, '[ip]'],
  [/\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi, '[ip]'],
  // phone numbers: + or 0 prefix, 7+ digits with spaces, slashes, dots or dashes between groups
  [/(?<![\w.])(?:\+\d{1,3}[\s./-]?|\b0)(?:\(?\d{1,5}\)?[\s./-]?){2,6}\d{2,}(?![\w.])/g, '[phone]'],
];

export function redact(text: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
