import * as assert from 'assert';
import type { AgendaItem } from '../../src/core/agenda';
import { escapeText, eventUid, foldLine, toICalendar } from '../../src/core/ics';

const NOW = new Date(Date.UTC(2026, 10, 25, 14, 30, 5));

function item(over: Partial<AgendaItem>): AgendaItem {
  return {
    due: '2026-11-20', contact: 'Jane Smith', name: 'Jane Smith', path: 'contacts/jane.md', line: 5,
    action: 'Follow up as planned', template: 'keep-in-touch', code: 'follow-up-due', severity: 'warning',
    message: 'follow_up is 2026-11-20.', key: 'follow_up', active: true, ...over,
  };
}

interface Prop { name: string; params: Record<string, string>; value: string }

/** Unfolds (CRLF + one space or tab) and splits content lines into name, parameters and raw value. */
function parse(text: string): Prop[] {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text) && !/\r[^\n]/.test(text), 'every line ends with CRLF, nothing else');
  const unfolded = text.slice(0, -2).replace(/\r\n[ \t]/g, '');
  return unfolded.split('\r\n').map((line) => {
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    return { name, params: Object.fromEntries(params.map((p): [string, string] => { const [k, v] = p.split('='); return [k, v]; })), value: line.slice(colon + 1) };
  });
}

/** Undoes TEXT escaping. */
function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function events(props: Prop[]): Prop[][] {
  const out: Prop[][] = [];
  let current: Prop[] | null = null;
  let depth = 0;
  for (const p of props) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = [];
    else if (p.name === 'END' && p.value === 'VEVENT') { out.push(current!); current = null; }
    else if (current) {
      if (p.name === 'BEGIN') depth++;
      if (p.name === 'END') depth--;
      current.push({ ...p, name: depth > 0 || p.name === 'END' && p.value === 'VALARM' ? `VALARM.${p.name}` : p.name });
    }
  }
  return out;
}

const get = (event: Prop[], name: string) => event.filter((p) => p.name === name);

describe('iCalendar export', () => {
  const items = [
    item({}),
    item({
      due: '2026-12-31', contact: null, name: 'Café; Conférence, 2026', path: 'conferences/café.md', code: 'conference-prep', key: 'prep', template: null,
      action: 'Finish the shortlist and goals',
      message: `Back\\slash; semi, comma\nnew line and a long tail ${'ünïcødé 😀 '.repeat(12)}`,
    }),
  ];

  it('writes a valid calendar: CRLF, folded lines of at most 75 octets, never splitting a character', () => {
    const text = toICalendar(items, { now: NOW });
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `too long: ${line}`);
      assert.ok(!line.includes('\uFFFD'));
    }
    assert.ok(physical.some((l) => l.startsWith(' ')), 'long lines were folded');
    // Folding then unfolding gives back exactly what was folded.
    assert.ok(Buffer.from(text, 'utf8').toString('utf8') === text);
    const props = parse(text);
    assert.deepStrictEqual(props.slice(0, 2).map((p) => `${p.name}:${p.value}`), ['BEGIN:VCALENDAR', 'VERSION:2.0']);
    assert.strictEqual(props[props.length - 1].value, 'VCALENDAR');
  });

  it('makes one all-day event per item, with a 9:00 display alarm and a fixed DTSTAMP', () => {
    const evs = events(parse(toICalendar(items, { now: NOW })));
    assert.strictEqual(evs.length, 2);
    const [first, second] = evs;
    assert.deepStrictEqual(get(first, 'DTSTART'), [{ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20261120' }]);
    assert.deepStrictEqual(get(first, 'DTEND'), [{ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20261121' }]);
    assert.strictEqual(get(second, 'DTSTART')[0].value, '20261231');
    assert.strictEqual(get(second, 'DTEND')[0].value, '20270101', 'the end rolls over the year');
    for (const ev of evs) {
      assert.strictEqual(get(ev, 'DTSTAMP')[0].value, '20261125T143005Z');
      assert.strictEqual(get(ev, 'VALARM.ACTION')[0].value, 'DISPLAY');
      assert.deepStrictEqual(get(ev, 'VALARM.TRIGGER')[0], { name: 'VALARM.TRIGGER', params: { RELATED: 'START' }, value: 'PT9H' });
      assert.strictEqual(get(ev, 'UID').length, 1);
    }
    assert.strictEqual(unescape(get(first, 'SUMMARY')[0].value), 'Jane Smith: Follow up as planned');
    assert.strictEqual(unescape(get(first, 'DESCRIPTION')[0].value),
      'follow_up is 2026-11-20.\nTemplate: keep-in-touch\nNote: contacts/jane.md:5\nRule: follow-up-due');
  });

  it('escapes backslash, semicolon, comma and newlines, and the text survives a round trip', () => {
    const [, second] = events(parse(toICalendar(items, { now: NOW })));
    const raw = get(second, 'SUMMARY')[0].value;
    assert.strictEqual(raw, 'Café\\; Conférence\\, 2026: Finish the shortlist and goals');
    const description = unescape(get(second, 'DESCRIPTION')[0].value);
    assert.ok(description.startsWith(`Back\\slash; semi, comma\nnew line and a long tail ${'ünïcødé 😀 '.repeat(12)}`));
    assert.strictEqual(escapeText('a\\b;c,d\r\ne\u0007f'), 'a\\\\b\\;c\\,d\\ne f', 'a control character becomes a space, never nothing');
  });

  it('keeps UIDs stable across runs and distinct per note, rule and key', () => {
    const a = events(parse(toICalendar(items, { now: NOW })));
    const b = events(parse(toICalendar([...items].reverse(), { now: new Date(Date.UTC(2027, 0, 1)) })));
    const uids = (evs: Prop[][]) => evs.map((e) => get(e, 'UID')[0].value).sort();
    assert.deepStrictEqual(uids(a), uids(b));
    assert.match(get(a[0], 'UID')[0].value, /^[0-9a-f]{16}@rapport$/);
    // Moving the follow-up to another line or day keeps its UID: calendars update it in place.
    assert.strictEqual(eventUid(item({ line: 40, due: '2027-01-01' })), eventUid(item({})));
    assert.notStrictEqual(eventUid(item({ code: 'keep-in-touch' })), eventUid(item({})));
    assert.notStrictEqual(eventUid(item({ key: 'task:Send CV' })), eventUid(item({})));
    assert.notStrictEqual(eventUid(item({ path: 'contacts/jane2.md' })), eventUid(item({})));
  });

  it('writes one event per UID even when an item is listed twice', () => {
    assert.strictEqual(events(parse(toICalendar([items[0], items[0]], { now: NOW }))).length, 1);
  });

  it('folds at exactly 75 octets, moving a multi-byte character whole to the next line', () => {
    assert.strictEqual(foldLine('x'.repeat(75)), 'x'.repeat(75));
    assert.strictEqual(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
    // 74 ASCII + a 2-byte é would be 76 octets: é starts the continuation.
    assert.strictEqual(foldLine(`${'x'.repeat(74)}é`), `${'x'.repeat(74)}\r\n é`);
    // A 4-byte emoji at the boundary likewise.
    assert.strictEqual(foldLine(`${'x'.repeat(73)}😀y`), `${'x'.repeat(73)}\r\n 😀y`);
    const long = foldLine('é'.repeat(200));
    for (const line of long.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75);
    assert.strictEqual(long.replace(/\r\n /g, ''), 'é'.repeat(200));
  });

  it('writes an empty calendar when there is nothing to do', () => {
    assert.strictEqual(toICalendar([], { now: NOW }).split('\r\n').filter((l) => l.startsWith('BEGIN:VEVENT')).length, 0);
  });
});
