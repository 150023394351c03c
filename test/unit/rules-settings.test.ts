import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_SETTINGS, RULE_CODES, mergeSettings } from '../../src/core/settings';
import { loadSettings, loadVaultConfig } from '../../src/node/config';

describe('follow-up settings', () => {
  it('defaults to the guide\'s numbers with every rule on', () => {
    const { settings, errors } = mergeSettings(undefined);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(settings, DEFAULT_SETTINGS);
    assert.strictEqual(settings.followUpErrorAfterDays, 7);
    assert.strictEqual(settings.awaitingReplyNudgeDays, 7);
    assert.strictEqual(settings.awaitingReplyOverdueDays, 10);
    assert.strictEqual(settings.maxAttempts, 2);
    assert.strictEqual(settings.erasUpdateDate, '09-01');
    for (const code of RULE_CODES) assert.deepStrictEqual(settings.rules[code], { enabled: true, severity: 'default' });
  });

  it('takes valid values and every form of a rule entry', () => {
    const { settings, errors } = mergeSettings({
      maxAttempts: 3,
      erasUpdateDate: '08-15',
      rules: {
        'keep-in-touch': 'off',
        'awaiting-reply': 'error',
        'reply-owed': { severity: 'hint' },
        'conference-prep': { enabled: false },
        'eras-update': false,
        'follow-up-due': 'default',
      },
    });
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(settings.maxAttempts, 3);
    assert.strictEqual(settings.erasUpdateDate, '08-15');
    assert.deepStrictEqual(settings.rules['keep-in-touch'], { enabled: false, severity: 'default' });
    assert.deepStrictEqual(settings.rules['awaiting-reply'], { enabled: true, severity: 'error' });
    assert.deepStrictEqual(settings.rules['reply-owed'], { enabled: true, severity: 'hint' });
    assert.deepStrictEqual(settings.rules['conference-prep'], { enabled: false, severity: 'default' });
    assert.deepStrictEqual(settings.rules['eras-update'], { enabled: false, severity: 'default' });
    assert.deepStrictEqual(settings.rules['rotation-feedback'], { enabled: true, severity: 'default' });
  });

  it('reports unknown keys and wrong types, keeping the defaults, and never throws', () => {
    const { settings, errors } = mergeSettings({
      maxAttemps: 3,
      maxAttempts: '3',
      replyWithinDays: 1.5,
      mentorCadenceDays: -1,
      erasUpdateDate: '2026-09-01',
      erasSeasonEndDate: '02-30',
      rules: { 'no-such-rule': 'off', 'keep-in-touch': 'loud', 'reply-owed': { enabled: 'yes', colour: 'red' } },
    });
    assert.deepStrictEqual(errors, [
      "Unknown setting 'maxAttemps'.",
      "'maxAttempts' should be a whole number from 1 to 100, not '3'.",
      "'replyWithinDays' should be a whole number from 0 to 3650, not 1.5.",
      "'mentorCadenceDays' should be a whole number from 0 to 3650, not -1.",
      "'erasUpdateDate' should be a month and day as MM-DD (e.g. 09-01), not '2026-09-01'.",
      "'erasSeasonEndDate' should be a month and day as MM-DD (e.g. 09-01), not '02-30'.",
      `Unknown rule 'no-such-rule' in 'rules'. Rules: ${RULE_CODES.join(', ')}.`,
      "'rules.keep-in-touch' should be off, default or a severity (error, warning, info, hint), not 'loud'.",
      "'rules.reply-owed.enabled' should be true or false, not 'yes'.",
      "Unknown setting 'rules.reply-owed.colour'; a rule takes 'enabled' and 'severity'.",
    ]);
    assert.strictEqual(settings.maxAttempts, 2);
    assert.strictEqual(settings.erasUpdateDate, '09-01');
    assert.deepStrictEqual(settings.rules['keep-in-touch'], DEFAULT_SETTINGS.rules['keep-in-touch']);
  });

  it('refuses windows given the wrong way round', () => {
    const { settings, errors } = mergeSettings({ awaitingReplyNudgeDays: 12, awaitingReplyOverdueDays: 10 });
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /'awaitingReplyNudgeDays' \(12\) should not be more than 'awaitingReplyOverdueDays' \(10\)/);
    assert.strictEqual(settings.awaitingReplyNudgeDays, 7);
    assert.strictEqual(settings.awaitingReplyOverdueDays, 10);
  });

  it('reports a non-object, and ignores $schema', () => {
    for (const bad of [[], 'x', 3, true]) {
      const { settings, errors } = mergeSettings(bad);
      assert.strictEqual(errors.length, 1, JSON.stringify(bad));
      assert.deepStrictEqual(settings, DEFAULT_SETTINGS);
    }
    assert.deepStrictEqual(mergeSettings({ $schema: './schema.json' }).errors, []);
    assert.deepStrictEqual(mergeSettings({ rules: [] }).errors, ["'rules' should be an object mapping rule codes to settings, not a list."]);
  });

  it('gives each caller its own copy: the defaults cannot be changed by accident', () => {
    const a = mergeSettings({}).settings;
    a.rules['keep-in-touch'].enabled = false;
    a.maxAttempts = 9;
    assert.strictEqual(DEFAULT_SETTINGS.rules['keep-in-touch'].enabled, true);
    assert.strictEqual(mergeSettings({}).settings.maxAttempts, 2);
    assert.throws(() => { (DEFAULT_SETTINGS.rules['keep-in-touch'] as { enabled: boolean }).enabled = false; });
  });
});

describe('vault settings file', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-config-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is optional', () => {
    assert.deepStrictEqual(loadVaultConfig(dir), { file: null, raw: undefined, errors: [], text: '' });
    assert.deepStrictEqual(loadSettings(dir).settings, DEFAULT_SETTINGS);
  });

  it('reads rapport.config.json before .rapport.json', () => {
    fs.writeFileSync(path.join(dir, '.rapport.json'), '{"maxAttempts": 4}');
    assert.strictEqual(loadSettings(dir).settings.maxAttempts, 4);
    fs.writeFileSync(path.join(dir, 'rapport.config.json'), '\uFEFF{"maxAttempts": 5}');
    const loaded = loadSettings(dir);
    assert.strictEqual(loaded.file, 'rapport.config.json');
    assert.strictEqual(loaded.settings.maxAttempts, 5);
  });

  it('reports invalid JSON and bad keys with the file name, falling back to the defaults', () => {
    fs.writeFileSync(path.join(dir, '.rapport.json'), '{"maxAttempts": 4,}');
    const broken = loadSettings(dir);
    assert.deepStrictEqual(broken.settings, DEFAULT_SETTINGS);
    assert.strictEqual(broken.errors.length, 1);
    assert.match(broken.errors[0], /^\.rapport\.json: invalid JSON \(.+\); using the default settings\.$/);
    fs.writeFileSync(path.join(dir, '.rapport.json'), '{"maxAttempts": 4, "colour": "red"}');
    const unknown = loadSettings(dir);
    assert.strictEqual(unknown.settings.maxAttempts, 4);
    assert.deepStrictEqual(unknown.errors, [".rapport.json:1: Unknown setting 'colour'."]);
  });

  it('reports a folder in place of the file', () => {
    fs.mkdirSync(path.join(dir, '.rapport.json'));
    assert.match(loadSettings(dir).errors[0], /not a regular file/);
  });
});

describe('settings and the import mapping', () => {
  it('accepts the import mapping that rapport import remembers in .rapport.json', () => {
    const { errors } = mergeSettings({ import: { mapping: { name: 'Full Name' } } });
    assert.deepStrictEqual(errors, []);
  });
});
