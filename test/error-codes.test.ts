import { describe, expect, it } from 'vitest';
import { canonicalErrorCode, errorCodeVariants, findErrorCodes, isHexCode } from '../src/lib/error-codes.ts';

describe('error codes', () => {
  it('reduces every spelling to one canonical form', () => {
    for (const spelling of ['0x80070005', '80070005', 'ERR-0x80070005', 'err_0x80070005', '0X80070005', 'error:0x80070005']) {
      expect(canonicalErrorCode(spelling)).toBe('80070005');
    }
    expect(canonicalErrorCode('AADSTS50053')).toBe('AADSTS50053');
  });

  it('knows HRESULTs with and without 0x', () => {
    expect(isHexCode('0x80070005')).toBe(true);
    expect(isHexCode('80070005')).toBe(true);
    expect(isHexCode('C0000005')).toBe(true);
    expect(isHexCode('20260101')).toBe(false);
    expect(isHexCode('AADSTS50053')).toBe(false);
  });

  it('lists the spellings users type', () => {
    expect(errorCodeVariants('0x80070005')).toEqual(expect.arrayContaining(['0x80070005', '80070005', 'ERR-0x80070005']));
    expect(errorCodeVariants('AADSTS50053')).toEqual(['AADSTS50053', 'ERR-AADSTS50053']);
  });

  it('lists the short spelling of a zero-padded code, as people write it (0x709 for 0x00000709)', () => {
    expect(errorCodeVariants('0x00000709')).toEqual(expect.arrayContaining(['0x709']));
    expect(errorCodeVariants('0x0000011B')).toEqual(expect.arrayContaining(['0x11b', '0x11B']));
    expect(errorCodeVariants('0x80070005').filter((v) => /^0x/i.test(v) && v.length < 10)).toEqual([]);
  });

  it('finds codes in ticket text but not dates', () => {
    expect(findErrorCodes('Outlook fails with ERR-0x800CCC0E since 20260101, also AADSTS50076')).toEqual(['800CCC0E', 'AADSTS50076']);
  });

  it('finds a code of hex letters alone in text without a digit, and nothing in plain words', () => {
    expect(findErrorCodes('The installer stops with cafebabe again')).toEqual(['CAFEBABE']);
    expect(findErrorCodes('Drucker druckt nicht, Warteschlange voll, deadbeef')).toEqual([]);
  });
});
