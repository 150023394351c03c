import * as assert from 'assert';
import ICAL from 'ical.js';
import * as nodeIcal from 'node-ical';
import type { AgendaItem } from '../../src/core/agenda';
import { toICalendar } from '../../src/core/ics';
import { singleLine } from '../../src/core/text';

const NOW = new Date(Date.UTC(2026, 10, 25, 14, 30, 5));
const TODAY = '2026-11-25';

function item(over: Partial<AgendaItem>): AgendaItem {
  return {
    due: '2026-11-27', contact: 'Jane Smith', name: 'Jane Smith', path: 'contacts/jane.md', line: 5,
    action: 'Follow up as planned', template: null, code: 'follow-up-due', severity: 'warning',
    message: 'follow_up is due.', key: 'follow_up', active: true, ...over,
  };
}

interface Read { uid: string; summary: string; description: string; start: string }

function viaIcalJs(text: string): Read[] {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return root.getAllSubcomponents('vevent').map((ev) => ({
    uid: String(ev.getFirstPropertyValue('uid')),
    summary: String(ev.getFirstPropertyValue('summary')),
    description: String(ev.getFirstPropertyValue('description')),
    start: String(ev.getFirstPropertyValue('dtstart')),
  }));
}

function viaNodeIcal(text: string): Read[] {
  const parsed = nodeIcal.sync.parseICS(text);
  return Object.values(parsed).filter((c) => c?.type === 'VEVENT').map((c) => {
    const ev = c;
    const start = ev.start as Date & { dateOnly?: boolean };
    const iso = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
    const text = (v: unknown) => (typeof v === 'string' ? v : (v as { val: string }).val);
    return { uid: ev.uid, summary: text(ev.summary), description: text(ev.description), start: iso };
  });
}

/** Hostile names: every kind of line break, controls, bidi marks, emoji, TEXT's special characters, fold-sized runs. */
const NAMES = [
  'Ana\rMaría', 'Ana\r\nMaría', 'Line\u2028Sep', 'Para\u2029Sep', 'Next\u0085Line', 'Bell\u0007Tab\tEsc\u001b[2J',
  '\u202eevil\u202c Name', 'Rtl \u200fمريم\u200e Ali', '\u2066isolated\u2069', 'Emoji 👩🏽‍⚕️ Doc 🇳🇬', 'Semi; colon: comma, back\\slash "quote"',
  `${'é'.repeat(36)}😀${'x'.repeat(40)}`, 'Zero\u200bWidth', 'Combining e\u0301\u0301', ' lead and trail ',
];

describe('iCalendar: names survive ical.js and node-ical', () => {
  const items = NAMES.map((name, i) => item({ name, path: `contacts/n${i}.md`, message: `Note for ${name}\nsecond line\rthird\u2028fourth` }));
  const text = toICalendar(items, { now: NOW, today: TODAY });

  for (const [parser, read] of [['ical.js', viaIcalJs], ['node-ical', viaNodeIcal]] as const) {
    it(`reads every name back through ${parser} as Rapport shows it`, () => {
      const events = read(text);
      assert.strictEqual(events.length, NAMES.length, 'nobody dropped');
      const byUid = new Map(events.map((e) => [e.uid, e]));
      const written = viaIcalJs(text);
      NAMES.forEach((name, i) => {
        const ev = byUid.get(written[i].uid)!;
        assert.strictEqual(ev.summary, `${singleLine(name)}: Follow up as planned`, `summary of ${JSON.stringify(name)}`);
        // eslint-disable-next-line no-control-regex -- the escaping under test
        assert.ok(ev.description.startsWith(`Note for ${name.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')}\nsecond line\nthird\nfourth`),
          `description of ${JSON.stringify(name)}: ${JSON.stringify(ev.description)}`);
      });
    });
  }

  it('keeps bidi marks and emoji exactly (they are not control characters)', () => {
    const [ev] = viaNodeIcal(toICalendar([item({ name: 'Rtl \u200fمريم\u200e 👩🏽‍⚕️' })], { now: NOW, today: TODAY }));
    assert.strictEqual(ev.summary, 'Rtl \u200fمريم\u200e 👩🏽‍⚕️: Follow up as planned');
  });

  it('puts an overdue item on today, all-day, with its original due date in its text', () => {
    const overdue = item({ due: '2026-09-01' });
    const ics = toICalendar([overdue, item({ due: '2026-11-27', key: 'later' })], { now: NOW, today: TODAY });
    for (const read of [viaIcalJs, viaNodeIcal]) {
      const [first, second] = read(ics);
      assert.strictEqual(first.start.slice(0, 10), TODAY);
      assert.match(first.summary, /was due 2026-09-01/);
      assert.match(first.description, /^Overdue: due 2026-09-01, 85 days ago\./);
      assert.strictEqual(second.start.slice(0, 10), '2026-11-27', 'an item not yet due stays on its day');
    }
    assert.match(ics, /DTSTART;VALUE=DATE:20261125\r\nDTEND;VALUE=DATE:20261126/);
    // A hint is never overdue (timing.ts), but past its day it sits on today too.
    const [hint] = viaIcalJs(toICalendar([item({ due: '2026-09-01', severity: 'hint' })], { now: NOW, today: TODAY }));
    assert.strictEqual(hint.start, TODAY);
    assert.match(hint.summary, /\(from 2026-09-01\)$/);
  });
});
