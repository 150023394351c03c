import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { addDays, daysBetween } from '../../src/core/dates';
import { parseNote } from '../../src/core/parseNote';
import { currentSeason } from '../../src/core/rules/erasUpdate';
import { DATE_SETTINGS, shiftDateToken, shiftNoteText, shiftSettingsText, shiftVaultFile } from '../../src/core/shift';

const SAMPLE = path.resolve(__dirname, '../../examples/vault');

function sampleNotes(): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(SAMPLE, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (e.name.endsWith('.md')) out.push({ rel: child, text: fs.readFileSync(path.join(SAMPLE, child), 'utf8') });
    }
  };
  walk('');
  return out;
}

/** Every difference between two texts of the same length lies inside a date token of `after`. */
function onlyDatesDiffer(before: string, after: string): void {
  assert.strictEqual(after.length, before.length, 'a shift never changes the length of a date');
  const DATE = /\d{4}[-.]\d{2}[-.]\d{2}/g;
  const inDate = new Array<boolean>(after.length).fill(false);
  for (let m = DATE.exec(after); m; m = DATE.exec(after)) for (let i = m.index; i < m.index + 10; i++) inDate[i] = true;
  for (let i = 0; i < after.length; i++) {
    if (before[i] !== after[i]) assert.ok(inDate[i], `byte ${i} changed outside a date: ${JSON.stringify(after.slice(Math.max(0, i - 20), i + 20))}`);
  }
}

describe('date shifter: one date', () => {
  it('moves across a month end, a year end and 29 February, as source and as target', () => {
    assert.strictEqual(shiftDateToken('2026-01-31', 1), '2026-02-01');
    assert.strictEqual(shiftDateToken('2026-03-01', -1), '2026-02-28');
    assert.strictEqual(shiftDateToken('2026-12-31', 1), '2027-01-01');
    assert.strictEqual(shiftDateToken('2027-01-01', -1), '2026-12-31');
    assert.strictEqual(shiftDateToken('2028-02-28', 1), '2028-02-29'); // 29 February as target
    assert.strictEqual(shiftDateToken('2028-02-29', 1), '2028-03-01'); // … and as source
    assert.strictEqual(shiftDateToken('2028-02-29', 365), '2029-02-28');
    assert.strictEqual(shiftDateToken('2024-02-29', 1461), '2028-02-29');
  });

  it('keeps the way the date is written: separator, time and zone', () => {
    assert.strictEqual(shiftDateToken('2026.10.12', 20), '2026.11.01');
    assert.strictEqual(shiftDateToken('2026-10-12T23:30-10:00', 1), '2026-10-13T23:30-10:00');
    assert.strictEqual(shiftDateToken('2026-10-12 09:00', -12), '2026-09-30 09:00');
  });

  it('leaves what is not a valid date as it is', () => {
    for (const t of ['2024-02-30', '2026-13-01', '2026-1-5', 'soon', '', ' 2026-10-12', '2026-10-12 and more']) assert.strictEqual(shiftDateToken(t, 3), null, t);
  });
});

describe('date shifter: a note', () => {
  const NOTE = [
    '---',
    'name: Jane Smith',
    'met: 2026-10-12            # at ASPS',
    "follow_up: '2026-11-02'",
    'snooze_until: "2026-12-01"',
    'letter: {asked: 2026-09-01, agreed: "2026-09-03", note: asked on 2026-09-01}',
    'interview:',
    '  invited: 2026-10-20',
    '  date: 2026-12-31',
    '  where: Lakeside',
    'application: {applied: 2026.09.15}',
    'match: {date: 2027-03-19}',
    'milestones:',
    '  - due: 2028-02-29',
    '    what: abstract due 2026-10-01',
    '  - {due: 2026-11-30, what: poster}',
    'next_meeting: 2026-12-01T15:00',
    'dates: [2026-10-09, "2026-10-10", 2026-10-11]',
    'multi: [',
    '  2026-10-20,',
    '  2026-10-21 ]',
    'about: |',
    '  2026-10-01',
    '  written as a block, so prose',
    'summary: met on 2026-10-12 at ASPS, then 2026-10-14',
    'long: >-',
    '  2026-10-02',
    '2026-10-05: a date as a key stays',
    'tagged: !!str 2026-10-06',
    '---',
    'Prose: on 2026-11-10 we met; **2026-11-11** in bold prose stays.',
    '- 2026-11-12 a list item outside the log stays',
    '',
    '## Interactions',
    '- 2026-11-10 emailed: thank-you; she replied on 2026-11-12 in prose',
    '- [[2026-11-13]] call — a linked date',
    '- **2026-11-14** met — a bold date',
    '* 2026-11-15T09:30 meeting — a time stays',
    'A paragraph in the log, 2026-11-16, stays.',
    '```',
    '- 2026-11-17 emailed: inside a fence stays',
    '```',
    '',
    '## Tasks',
    '- [ ] Send the abstract 📅 2026-11-20',
    '- [ ] 2026-11-21 Send the CV',
    '- [ ] Write on 2026-11-22 about it [due:: 2026-11-23]',
    '- [x] Done ✅ 2026-11-24 📅 2026-11-24',
    '- [ ] 2026-11-25 prose date before an emoji due 📅 2026-11-26',
    '- 2026-11-27 not a log entry here',
    '',
  ].join('\n');

  const shifted = shiftNoteText(NOTE, 1);
  const line = (text: string, n: number) => text.split('\n')[n];

  it('moves every frontmatter date value, at any depth, plain or quoted, in block and flow collections', () => {
    const expect: Record<number, string> = {
      2: 'met: 2026-10-13            # at ASPS',
      3: "follow_up: '2026-11-03'",
      4: 'snooze_until: "2026-12-02"',
      5: 'letter: {asked: 2026-09-02, agreed: "2026-09-04", note: asked on 2026-09-01}',
      7: '  invited: 2026-10-21',
      8: '  date: 2027-01-01',
      10: 'application: {applied: 2026.09.16}',
      11: 'match: {date: 2027-03-20}',
      13: '  - due: 2028-03-01',
      14: '    what: abstract due 2026-10-01',
      15: '  - {due: 2026-12-01, what: poster}',
      16: 'next_meeting: 2026-12-02T15:00',
      17: 'dates: [2026-10-10, "2026-10-11", 2026-10-12]',
      19: '  2026-10-21,',
      20: '  2026-10-22 ]',
    };
    for (const [n, text] of Object.entries(expect)) assert.strictEqual(line(shifted, Number(n)), text);
  });

  it('never touches a date in prose: block scalars, longer texts, keys, tags, body text, fences, task text', () => {
    for (const n of [14, 22, 24, 26, 27, 28, 30, 31, 38, 40, 49]) assert.strictEqual(line(shifted, n), line(NOTE, n), `line ${n + 1}`);
  });

  it('moves log dates (bare, [[linked]], **bold**) and task dates in every syntax the parser reads', () => {
    const expect: Record<number, string> = {
      34: '- 2026-11-11 emailed: thank-you; she replied on 2026-11-12 in prose',
      35: '- [[2026-11-14]] call — a linked date',
      36: '- **2026-11-15** met — a bold date',
      37: '* 2026-11-16T09:30 meeting — a time stays',
      44: '- [ ] Send the abstract 📅 2026-11-21',
      45: '- [ ] 2026-11-22 Send the CV',
      46: '- [ ] Write on 2026-11-22 about it [due:: 2026-11-24]',
      47: '- [x] Done ✅ 2026-11-25 📅 2026-11-25',
      48: '- [ ] 2026-11-25 prose date before an emoji due 📅 2026-11-27',
    };
    for (const [n, text] of Object.entries(expect)) assert.strictEqual(line(shifted, Number(n)), text, `line ${Number(n) + 1}`);
  });

  it('changes no byte but the dates, and moving back gives the original', () => {
    onlyDatesDiffer(NOTE, shifted);
    assert.strictEqual(shiftNoteText(shifted, -1), NOTE);
  });

  it('keeps CRLF line endings and a BOM', () => {
    const crlf = '\uFEFF' + NOTE.replace(/\n/g, '\r\n');
    const out = shiftNoteText(crlf, 1);
    assert.strictEqual(out, '\uFEFF' + shifted.replace(/\n/g, '\r\n'));
    const cr = NOTE.replace(/\n/g, '\r');
    assert.strictEqual(shiftNoteText(cr, 1), shifted.replace(/\n/g, '\r'));
  });

  it('copies a note whose frontmatter cannot be read without touching that frontmatter', () => {
    for (const broken of ['---\nmet: 2026-10-12\n  bad: [\n---\n', '---js\nmet: 2026-10-12\n---\n', '---\nmet:\t2026-10-12\n\tx: 1\n---\n']) {
      assert.strictEqual(shiftNoteText(broken, 5), broken, broken);
    }
  });
});

describe('date shifter: js-yaml as the oracle for frontmatter', () => {
  /** What js-yaml reads after a shift: each date (a timestamp, or a string the parser reads as a date) moved, all else equal. */
  function expected(value: unknown, days: number): unknown {
    if (value instanceof Date) return new Date(value.getTime() + days * 86_400_000);
    if (typeof value === 'string') return shiftDateToken(value, days) ?? value;
    if (Array.isArray(value)) return value.map((v) => expected(v, days));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expected(v, days)]));
    return value;
  }
  function frontmatterOf(text: string): string | null {
    const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    return m ? m[1] : null;
  }
  /** Frontmatter shapes a vault may hold, and each sample note's. */
  const CASES = [
    'a: 2026-10-12\nb: "2026-10-13"\nc: \'2026-10-14\'\nd: 2026.10.15\ne: [2026-10-16, x, "2026-10-17"]\nf: {g: 2026-10-18, h: {i: 2026-10-19}}',
    'letter:\n  asked: 2026-09-01\n  agreed: 2026-09-03 # yes\n  sent:\nmilestones:\n  - due: 2026-12-01\n    done: false\n  - due: 2027-01-15\n  - 2027-02-01\n  - - 2027-02-02\n    - "2027-02-03"',
    'rotation:\n  start: 2026-11-09\n  end: 2026-12-04\nconference: {start: 2026-12-05, end: 2026-12-06, where: "Hall: 2026-12-05"}',
    'notes: "met 2026-10-12, wrote 2026-10-14"\ntext: |\n  2026-10-12\nfold: >\n  2026-10-12\n  more\nurl: http://x.example/2026-10-12\nk: 2026-10-12T10:00:00Z',
    "quoted: 'it''s 2026-10-12'\nescaped: \"a \\\" 2026-10-12\"\nempty: ''\nn: 2026-02-28\nm: 2024-02-29",
    'flow: [\n  2026-10-20,\n  {at: 2026-10-21},\n  "2026-10-22"\n]\nafter: 2026-10-23',
  ];

  it('agrees with js-yaml on generated shapes and on every sample note, for offsets across month, year and leap day', () => {
    const sources = [...CASES.map((c) => `---\n${c}\n---\nbody\n`), ...sampleNotes().map((n) => n.text)];
    let dates = 0;
    for (const text of sources) {
      const fm = frontmatterOf(text);
      if (fm === null) continue;
      const before = yaml.load(fm);
      for (const days of [1, 6, 37, 365, 366, -400, 1461]) {
        const out = shiftNoteText(text, days);
        onlyDatesDiffer(text, out);
        assert.deepStrictEqual(yaml.load(frontmatterOf(out)!), expected(before, days), `${days} days:\n${fm}`);
      }
      dates += JSON.stringify(before).match(/\d{4}-\d{2}-\d{2}/g)?.length ?? 0;
    }
    assert.ok(dates > 40, `${dates} dates checked`);
  });
});

describe('date shifter: the note parser as the oracle for the body', () => {
  it('moves every interaction, task and date field the parser reads in the sample by exactly the offset', () => {
    for (const { rel, text } of sampleNotes()) {
      for (const days of [-330, 36, 95, 500]) {
        const a = parseNote(rel, text);
        const b = parseNote(rel, shiftNoteText(text, days));
        assert.deepStrictEqual(b.problems, a.problems, rel);
        assert.deepStrictEqual(b.interactions.map((i) => i.date), a.interactions.map((i) => addDays(i.date, days)), rel);
        assert.deepStrictEqual(b.tasks.map((t) => t.due), a.tasks.map((t) => (t.due ? addDays(t.due, days) : null)), rel);
        assert.deepStrictEqual(b.interactions.map((i) => i.text), a.interactions.map((i) => i.text), rel);
      }
    }
  });
});

describe('date shifter: settings', () => {
  const STORY = '2026-11-25';

  it('lists the date-valued settings in one place', () => {
    assert.deepStrictEqual(DATE_SETTINGS.yearlyWindows, [{ start: 'erasUpdateDate', end: 'erasSeasonEndDate' }]);
  });

  it('moves the ERAS window so that the copy day sits in its season as the story day does, in place', () => {
    const text = '{\r\n  "maxAttempts": 2,\r\n  "erasUpdateDate": "09-01", "erasSeasonEndDate": "01-31",\r\n  "rules": { "eras-update": "info" }\r\n}\r\n';
    for (const target of ['2027-04-10', '2027-10-05', '2026-12-31', '2028-02-29', '2026-06-01']) {
      const days = daysBetween(STORY, target);
      const out = shiftVaultFile('settings', text, STORY, target);
      onlyDatesDiffer(text.replace(/"(\d{2})-(\d{2})"/g, '"2000-$1-$2"'), out.replace(/"(\d{2})-(\d{2})"/g, '"2000-$1-$2"'));
      const s = JSON.parse(out) as { erasUpdateDate: string; erasSeasonEndDate: string };
      const season = currentSeason(target, s.erasUpdateDate, s.erasSeasonEndDate);
      assert.deepStrictEqual(season, { start: addDays('2026-09-01', days), end: addDays('2027-01-31', days) }, target);
    }
  });

  it('adds the window where the file leaves it to the defaults, and leaves a file that is not an object alone', () => {
    const out = shiftSettingsText('{\n  "maxAttempts": 3\n}\n', STORY, daysBetween(STORY, '2027-04-10'))!;
    assert.deepStrictEqual(JSON.parse(out), { erasUpdateDate: '01-15', erasSeasonEndDate: '06-16', maxAttempts: 3 });
    assert.deepStrictEqual(JSON.parse(shiftSettingsText('{}', STORY, 0)!), { erasUpdateDate: '09-01', erasSeasonEndDate: '01-31' });
    assert.strictEqual(shiftSettingsText('[1]', STORY, 3), null);
    assert.strictEqual(shiftSettingsText('{ not json', STORY, 3), null);
    assert.strictEqual(shiftVaultFile('settings', '{ not json', STORY, '2027-01-01'), '{ not json');
    // an invalid window stays as written; the settings loader reports it
    assert.strictEqual(shiftSettingsText('{"erasUpdateDate": "13-45"}', STORY, 3), '{"erasUpdateDate": "13-45"}');
  });
});

describe('the sample tells no weekday or month a shift would falsify', () => {
  // A shift keeps the days between events, not their weekday or month: "the Saturday session"
  // or "until December" would be wrong in a copy. A recurring "every Thursday" stays true.
  const WEEKDAYS = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b/g;
  const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

  it('names a weekday only as a recurring "every …", and no month, in any note', () => {
    const found: string[] = [];
    for (const { rel, text } of sampleNotes()) {
      if (rel === 'README.md') continue; // documentation of the format, not the story
      text.split('\n').forEach((l, i) => {
        for (const m of l.matchAll(WEEKDAYS)) if (!/every\s+$/i.test(l.slice(0, m.index))) found.push(`${rel}:${i + 1} ${m[0]}`);
        for (const m of l.matchAll(MONTHS)) found.push(`${rel}:${i + 1} ${m[0]}`);
      });
    }
    assert.deepStrictEqual(found, []);
  });

  it('would catch one', () => {
    assert.match('Poster (Saturday session)', WEEKDAYS);
    assert.match('until December', MONTHS);
  });
});

describe('date shifter: linear time on adversarial input', () => {
  it('reads a 200,000-character hostile line in well under a second', () => {
    const n = 200_000;
    const hostile = [
      `---\na: ${'['.repeat(n)}\nb: "${'\\'.repeat(n)}\nc: ${'- '.repeat(n / 2)}2026-10-12\nd: ${'a: '.repeat(n / 3)}\n---\n`,
      `## Interactions\n- ${'2026-10-12T'.padEnd(n, '1:')}\n# ${' #'.repeat(n / 2)}x\n- [ ] ${'[due::'.repeat(n / 6)}\n- [ ] ${'📅'.repeat(n / 2)}\n`,
    ];
    for (const text of hostile) {
      const t0 = process.hrtime.bigint();
      shiftNoteText(text, 3);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
    }
  });
});

