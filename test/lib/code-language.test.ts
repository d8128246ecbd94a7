import { describe, expect, it } from 'vitest';
import { codeLanguage } from '../../src/lib/content/code-language.ts';

describe('codeLanguage', () => {
  it('keeps the names and aliases Prism knows, in any case', () => {
    expect(codeLanguage('powershell')).toBe('powershell');
    expect(codeLanguage('PowerShell')).toBe('powershell');
    expect(codeLanguage('ts')).toBe('ts');
    expect(codeLanguage('astro')).toBe('astro');
  });

  it('maps the names DocFX sources use to the Prism language', () => {
    expect(['cmd', 'console', 'ps', 'azurecli', 'azurepowershell-interactive', 'vbs', 'excel'].map(codeLanguage)).toEqual([
      'batch',
      'shell-session',
      'powershell',
      'bash',
      'powershell',
      'visual-basic',
      'excel-formula',
    ]);
  });

  it('shows what Prism does not know as plain text (output, notepad, typos, no name)', () => {
    expect(['output', 'notepad', 'powersehll', '', undefined].map(codeLanguage)).toEqual(['plaintext', 'plaintext', 'plaintext', 'plaintext', 'plaintext']);
  });
});
