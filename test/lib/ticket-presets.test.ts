import { describe, expect, it } from 'vitest';
import { candidatesFor, compactHeader, detectPreset, normaliseHeader, PRESETS, presetByName } from '../../src/lib/tickets/presets.ts';
import { DEFAULT_LEVEL_RULES, levelOf, parseLevelRule, readLevelRules } from '../../src/lib/tickets/level-rules.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('normaliseHeader', () => {
  it('drops a BOM, trims, lower-cases and folds spaces', () => {
    expect(normaliseHeader('\uFEFF  Short   Description ')).toBe('short description');
  });
});

describe('compactHeader', () => {
  it('drops case, spaces, punctuation and a unit in brackets, keeps #', () => {
    expect(['Ticket-Nr.', 'Erstellt am', 'created_at', 'Dauer (h)', 'Ticket#'].map(compactHeader)).toEqual([
      'ticketnr',
      'erstelltam',
      'createdat',
      'dauer',
      'ticket#',
    ]);
  });
});

describe('detectPreset', () => {
  it('recognises exports by their header sets', () => {
    expect(detectPreset(['Number', 'Short description', 'Assignment group']).name).toBe('servicenow');
    expect(detectPreset(['Id', 'Subject', 'Requester']).name).toBe('zendesk');
    expect(detectPreset(['issueid', 'actionbody']).name).toBe('jira-comments');
  });
  it('falls back to generic', () => {
    expect(detectPreset(['foo', 'bar']).name).toBe('generic');
  });
});

describe('presetByName', () => {
  it('finds a preset case-insensitively and is undefined without a name', () => {
    expect(presetByName('ZenDesk')?.name).toBe('zendesk');
    expect(presetByName(undefined)).toBeUndefined();
  });
  it('lists the known names for an unknown one', () => {
    expect(() => presetByName('remedy')).toThrow(`Unknown preset "remedy", expected one of ${PRESETS.map((p) => p.name).join(', ')}`);
  });
});

describe('candidatesFor', () => {
  it('puts the preset’s own column names before the generic ones, in their compact form', () => {
    const zendesk = presetByName('zendesk')!;
    const names = candidatesFor(zendesk, 'title');
    expect(names[0]).toBe('subject');
    expect(names).toContain(compactHeader('Short Description'));
  });
});

describe('levelOf', () => {
  it('reads bare levels and team names, higher levels first', () => {
    expect(levelOf('2')).toBe(2);
    expect(levelOf('Service Desk')).toBe(1);
    expect(levelOf('2nd-Level::Netzwerk')).toBe(2);
    expect(levelOf('1st to 2nd level')).toBe(2);
    expect(levelOf('L3 Development')).toBe(3);
    expect(levelOf('Billing')).toBeUndefined();
    expect(levelOf(undefined)).toBeUndefined();
  });
});

describe('parseLevelRule', () => {
  it('reads PATTERN=LEVEL as a case-insensitive rule', () => {
    const rule = parseLevelRule('^netzwerk=2');
    expect(levelOf('Netzwerk Team', [rule, ...DEFAULT_LEVEL_RULES])).toBe(2);
  });
  it('refuses a rule without a level from 1 to 3', () => {
    expect(() => parseLevelRule('Netzwerk=4')).toThrow('expected PATTERN=LEVEL');
    expect(() => parseLevelRule('=2')).toThrow('expected PATTERN=LEVEL');
  });
});

describe('readLevelRules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-levels-'));
  it('reads a YAML mapping of pattern to level', async () => {
    writeFileSync(join(dir, 'levels.yaml'), '"^Servicedesk": 1\n"2nd-Level::": 2\n');
    const rules = await readLevelRules(join(dir, 'levels.yaml'));
    expect(rules.map((r) => r.level)).toEqual([1, 2]);
  });
  it('refuses a file that is not a mapping', async () => {
    writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
    await expect(readLevelRules(join(dir, 'list.yaml'))).rejects.toThrow('expected a mapping of pattern to level');
  });
});
