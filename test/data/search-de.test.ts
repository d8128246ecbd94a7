import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchRanking } from '../../src/lib/search/ranking.ts';
import { runQueries } from '../helpers/pagefind-search.ts';
import { importIntuneCorpus } from '../../scripts/bench/search-de.ts';
import { ROOT } from '../helpers/paths.ts';

/**
 * German end-user questions over the real Intune corpus (../shared/corpus/intune-de, read in
 * place): imported with `kb import` (the language comes from the files' ms.contentlocale),
 * built as the agent site, searched in Chromium with the sites' ranking. Each question lists the
 * articles that answer it, picked by reading the corpus (several when the corpus has one per
 * platform or one per channel); one of them must be in the first three results.
 */
const QUESTIONS: [question: string, answers: string[]][] = [
  // the articles say "Kennwort"/"Kennung": only the synonym file joins them
  ['passwort vergessen', ['get-recovery-key-cpweb', 'reset-your-passcode-cpwebsite', 'password-reset']],
  [
    'gerät registrieren',
    [
      'use-managed-devices-to-get-work-done',
      'enroll-device-android-company-portal',
      'enroll-windows-10-device',
      'windows-enrollment-company-portal',
      'why-enroll-android-device',
      'enroll-your-device-in-intune-macos-cp',
      'enroll-device-android-microsoft-intune-app',
    ],
  ],
  ['app installieren android', ['install-the-company-portal-app-android', 'use-managed-apps-on-your-device-android']],
  [
    'iphone registrieren',
    [
      'enroll-your-device-in-intune-ios',
      'enroll-your-device-dep-ios',
      'install-and-sign-in-to-the-intune-company-portal-app-ios',
      'using-your-ios-device-with-intune',
    ],
  ],
  ['seriennummer finden', ['how-do-i-find-the-serial-number-on-my-device-ios', 'how-do-i-find-the-serial-number-on-my-device-macos']],
  ['android gerät verschlüsseln', ['encrypt-your-device-android']],
  ['bildschirm sperren android', ['how-to-set-the-period-before-your-android-device-is-locked', 'set-the-amount-of-time-before-your-device-is-locked-android']],
  ['unternehmensportal aktualisieren', ['install-a-new-version-of-the-company-portal-app', 'you-need-to-update-your-company-portal-app-windows']],
  ['usb debugging ausschalten', ['you-need-to-turn-off-usb-debugging-android']],
  [
    'protokolle an support senden',
    [
      'send-logs-to-your-it-admin-by-email-android',
      'send-logs-to-your-it-admin-cp-windows',
      'send-logs-to-your-it-admin-settings-windows',
      'send-logs-to-your-it-admin-using-cable-android',
      'send-errors-macos',
      'send-errors-to-your-it-admin-ios',
    ],
  ],
  ['kennung zurücksetzen', ['reset-your-passcode-cpwebsite', 'device-windows-pin-reset']],
  ['vpn installieren', ['install-your-companys-virtual-private-network-vpn-android']],
  ['gerät nicht richtlinienkonform', ['your-device-is-noncompliant-cant-evaluate', 'check-compliance-on-your-device-android']],
  ['sicherer start aktivieren', ['you-need-to-enable-secure-boot-windows']],
  ['passwort ändern windows', ['set-or-change-your-password-windows']],
  ['registrierung aufheben android', ['unenroll-your-device-from-intune-android', 'what-happens-if-you-unenroll-your-device-from-intune-android']],
  [
    'handy zurücksetzen',
    ['reset-device-cp-app', 'reset-erase-your-device-cpwebsite', 'what-happens-if-you-reset-your-device-using-the-company-portal-android'],
  ],
];

const work = mkdtempSync(join(tmpdir(), 'kb-search-de-'));
let site = '';
beforeAll(async () => {
  const content = join(work, 'content');
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 2 ** 20 });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${(result.stderr || result.stdout).slice(-3000)}`);
    return result.stdout;
  };
  await importIntuneCorpus(content);
  run(['scripts/build.ts', '--skip-check', '--only', 'internal'], { KB_CONTENT_DIR: content, KB_OUT_DIR: join(work, 'dist') });
  site = join(work, 'dist/internal');
}, 1_200_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Measured (agent site, searchRanking): 13 of the 17 questions have an answer in the top three
 * (12 before the synonym group ausschalten/deaktivieren answered "usb debugging ausschalten").
 * The four misses are open work, not expectations: "gerät registrieren" and "iphone registrieren"
 * get the admin enrollment guides (ios-enroll, device-enrollment-program-*) before the end-user
 * ones; "vpn installieren" ranks the VPN settings guides first; "handy zurücksetzen" (the articles
 * say "Gerät"). The count may only go up.
 */
const MIN_ANSWERED = 13;

describe('German questions over the Intune corpus', () => {
  it(`finds an answering article in the first three results of at least ${MIN_ANSWERED} of ${QUESTIONS.length} questions`, async () => {
    const results = await runQueries(
      site,
      'de',
      QUESTIONS.map(([q]) => q),
      { ranking: searchRanking, depth: 3 },
    );
    const misses = QUESTIONS.flatMap(([question, answers], i) => {
      const urls = answers.map((slug) => `/de/articles/${slug}/`);
      return results[i]!.some((url) => urls.includes(url)) ? [] : [`${question} -> ${results[i]!.join(', ') || 'nothing'}`];
    });
    // the misses are printed so a change that fixes or breaks one shows which
    console.log(`search-de questions: ${QUESTIONS.length - misses.length}/${QUESTIONS.length} answered in the top 3; misses:\n  ${misses.join('\n  ')}`);
    expect(QUESTIONS.length - misses.length).toBeGreaterThanOrEqual(MIN_ANSWERED);
    // the synonym file is what answers this one: the articles say Kennwort
    expect(misses.some((m) => m.startsWith('passwort vergessen'))).toBe(false);
  }, 300_000);
});
