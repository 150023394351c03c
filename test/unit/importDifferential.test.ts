/**
 * The hand-written CSV and vCard readers against the libraries they stand in for:
 * papaparse (CSV) and ical.js (vCard 3.0/4.0), on a generated corpus and on the
 * fixtures. Deterministic: the corpus comes from a seeded generator.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { parseCsv } from '../../src/core/import/csv';
import { cardTexts, structuredParts } from '../../src/core/import/vcard';

const FIXTURES = path.join(__dirname, '../fixtures/import');

/** mulberry32: small, seeded, the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Zoë', 'José', '山田', '👩🏽‍⚕️', ' ', '  ', ',', '"', '""', '\n', '\r\n', ';', ':', '\\', 'x y', 'O\'Brien', '\t', 'é', '=', '\u2028'];

function text(rnd: () => number, max: number): string {
  let out = '';
  const n = Math.floor(rnd() * max);
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(rnd() * PIECES.length)];
  return out;
}

function csvField(value: string, rnd: () => number): string {
  const must = /[",\r\n]/.test(value) || value === '';
  return must || rnd() < 0.3 ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('differential: CSV against papaparse', () => {
  it('agrees on 2,000 generated files (quotes, CRLF/LF, embedded line breaks, BOM, empty fields)', () => {
    const rnd = random(14);
    let agreed = 0;
    const total = 2000;
    for (let f = 0; f < total; f++) {
      const eol = rnd() < 0.5 ? '\r\n' : '\n';
      const width = 1 + Math.floor(rnd() * 5);
      const rows: string[][] = [];
      for (let r = 0; r < 1 + Math.floor(rnd() * 6); r++) {
        const row = Array.from({ length: width }, () => (rnd() < 0.2 ? '' : text(rnd, 4)));
        // A row of empty or blank fields is not a record for either reader (papaparse: skipEmptyLines 'greedy').
        if (row.every((v) => v.trim() === '')) row[0] = 'x';
        rows.push(row);
      }
      const body = rows.map((row) => row.map((v) => csvField(v.replace(/\r\n|\n/g, eol), rnd)).join(',')).join(eol) + (rnd() < 0.5 ? eol : '');
      const input = (rnd() < 0.2 ? '\uFEFF' : '') + body;
      const ours = parseCsv(input).rows.map((r) => r.fields);
      const theirs = Papa.parse<string[]>(input, { delimiter: ',', newline: eol, skipEmptyLines: 'greedy' }).data;
      if (JSON.stringify(ours) === JSON.stringify(theirs)) agreed++;
      else assert.fail(`file ${f} differs:\n${JSON.stringify(input)}\nours   ${JSON.stringify(ours)}\ntheirs ${JSON.stringify(theirs)}`);
    }
    assert.strictEqual(agreed, total);
  });

  it('agrees on every CSV fixture', () => {
    for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'))) {
      const input = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const delimiter = file === 'generic.csv' ? ';' : ',';
      const ours = parseCsv(input, { delimiter }).rows.map((r) => r.fields);
      const theirs = Papa.parse<string[]>(input, { delimiter, skipEmptyLines: 'greedy' }).data;
      assert.deepStrictEqual(ours, theirs, file);
    }
  });
});

/** RFC 6350 folding: after at most 75 octets, at a code point boundary; the continuation starts with a space or tab. */
function fold(line: string, rnd: () => number): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > 75 || (octets > 1 && rnd() < 0.04)) {
      out.push(current);
      current = rnd() < 0.5 ? ' ' : '\t';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** TEXT escaping for a vCard value; `;` only where a structured value separates with it. */
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\n/g, '\\n');
}

describe('differential: vCard 3.0/4.0 against ical.js', () => {
  it('reads FN, NOTE, TITLE, EMAIL and the N components of 1,000 generated cards as ical.js does', () => {
    const rnd = random(4);
    for (let c = 0; c < 1000; c++) {
      const version = rnd() < 0.5 ? '3.0' : '4.0';
      // ical.js keeps `\;` escaped in plain TEXT (RFC 6350 only escapes it in compound values): no `;` there.
      const plain = () => text(rnd, 6).replace(/[;\r\u2028]/g, '').replace(/\t/g, ' ');
      const fn = `${plain()}x`;
      const note = plain();
      const title = plain();
      // ical.js reads `\\;` (an escaped backslash, then the separator) as an escaped semicolon: no backslash
      // ends a component (Rapport reads it by RFC 6350; see "reads an escaped backslash before a separator").
      const family = `${plain().replace(/,/g, '')}f`;
      const given = `${plain().replace(/,/g, '')}g`;
      const lines = [
        'BEGIN:VCARD', `VERSION:${version}`, `FN:${escapeValue(fn)}`, `N:${escapeValue(family)};${escapeValue(given)};;;`,
        `NOTE:${escapeValue(note)}`, `TITLE:${escapeValue(title)}`, `EMAIL;TYPE=work:a${c}@example.org`, 'END:VCARD',
      ];
      const input = lines.map((l) => fold(l, rnd)).join('\r\n') + '\r\n';
      const ours = new Map(cardTexts(input)[0].map((p) => [p.name, p.text]));
      const jcal = ICAL.parse(input) as [string, [string, Record<string, string>, string, ...unknown[]][], unknown[]];
      const theirs = new Map(jcal[1].map((p) => [p[0].toUpperCase(), p[3]]));
      const context = JSON.stringify(input);
      for (const name of ['FN', 'NOTE', 'TITLE', 'EMAIL']) assert.strictEqual(ours.get(name), theirs.get(name), `${name} of ${context}`);
      const n = structuredParts(ours.get('N')!);
      const theirN = theirs.get('N') as string[];
      assert.deepStrictEqual([n[0], n[1]], [theirN[0], theirN[1]], `N of ${context}`);
    }
  });

  it('reads an escaped backslash before a separator by RFC 6350, where ical.js does not', () => {
    assert.deepStrictEqual(structuredParts('Smith\\\\;Ann;;;').slice(0, 2), ['Smith\\', 'Ann']);
  });

  it('reads the vCard 3.0/4.0 cards of the fixtures as ical.js does', () => {
    const fixture = fs.readFileSync(path.join(FIXTURES, 'contacts.vcf'), 'utf8');
    const complete = fixture.split(/(?<=END:VCARD\r?\n)/)
      .filter((card) => /VERSION:(?:3|4)\.0/.test(card) && /END:VCARD/.test(card) && card.split('BEGIN:VCARD').length === 2);
    assert.ok(complete.length >= 3);
    for (const card of complete) {
      const ours = cardTexts(card)[0];
      const jcal = ICAL.parse(card.replace(/^\uFEFF/, '')) as [string, [string, Record<string, string>, string, ...unknown[]][], unknown[]];
      for (const name of ['FN', 'TITLE', 'NOTE']) {
        const mine = ours.find((p) => p.name === name)?.text;
        const theirs = jcal[1].find((p) => p[0].toUpperCase() === name)?.[3];
        assert.strictEqual(mine, theirs, `${name} in ${card}`);
      }
    }
  });
});
