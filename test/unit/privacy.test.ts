import * as assert from 'assert';
import {
  PATIENT_IDENTIFIER_CODE, findPatientIdentifiers, patientIdentifierProblems, redact, redactAll,
  type PatientIdentifier,
} from '../../src/core/privacy';
import labelled from '../fixtures/privacy-labelled.json';

/** `[kind, line, text of the range]` for each finding. */
function found(lines: readonly string[], fromLine?: number): [string, number, string][] {
  return findPatientIdentifiers(lines, { fromLine }).map((id) => {
    assert.strictEqual(id.range.start.line, id.range.end.line, 'identifiers sit on one line');
    const text = lines[id.range.start.line].slice(id.range.start.character, id.range.end.character);
    return [id.kind, id.range.start.line, text];
  });
}

describe('privacy: patient identifiers', () => {
  it('has a stable rule code', () => {
    assert.strictEqual(PATIENT_IDENTIFIER_CODE, 'patient-identifier');
  });

  it('gives 0-based ranges of exactly the span to redact, on the right line', () => {
    const lines = [
      '# Lakeshore sub-I',
      '',
      'Pt (MRN 4470912) in bed 12, 67 yo M s/p ALT flap',
      'DOB 5/5/1950; daughter\'s # 617-555-0166; lives at 12 Birch Ln',
      'a 45M with a crush injury, SSN 412-55-7809',
    ];
    assert.deepStrictEqual(found(lines), [
      ['mrn', 2, '4470912'],
      ['room', 2, '12'],
      ['age', 2, '67 yo'],
      ['dob', 3, '5/5/1950'],
      ['phone', 3, '617-555-0166'],
      ['address', 3, '12 Birch Ln'],
      ['age', 4, '45M'],
      ['ssn', 4, '412-55-7809'],
    ]);
    const [mrn] = findPatientIdentifiers(lines);
    assert.deepStrictEqual(mrn.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 15 } });
  });

  it('covers the whole age phrase', () => {
    assert.deepStrictEqual(found(['72-year-old with a sternal wound']), [['age', 0, '72-year-old']]);
    assert.deepStrictEqual(found(['Saw 29yoF for a reduction consult']), [['age', 0, '29yoF']]);
    assert.deepStrictEqual(found(['16 y.o. boy, dog bite']), [['age', 0, '16 y.o.']]);
  });

  it('says what it found and why without ever echoing the identifier', () => {
    const messages: PatientIdentifier[] = labelled.items.flatMap((i) => findPatientIdentifiers([i.text]));
    assert.ok(messages.length > 100);
    for (const id of messages) {
      assert.ok(!/\d/.test(id.message), `message has a digit: ${id.message}`);
      assert.ok(/redact|case details/i.test(id.message), id.message);
    }
    const [mrn] = findPatientIdentifiers(['MRN 00482913']);
    assert.strictEqual(mrn.message,
      "Looks like a medical record number (after 'MRN'). Patient identifiers don't belong in your networking notes; redact it.");
    const [phone] = findPatientIdentifiers(["Pt's daughter 617-555-0142"]);
    assert.match(phone.message, /phone number \(near 'daughter'\), not an office line/);
  });

  it('leaves office, department and a contact\'s own lines alone', () => {
    assert.deepStrictEqual(found(['Clinic office 555-201-8834']), []);
    assert.deepStrictEqual(found(['Patients should call the department at (415) 555-0199']), []);
    assert.deepStrictEqual(found(["Dr. Kim's cell 646-555-0188, text before the dinner"]), []);
    assert.deepStrictEqual(found(['Department of Plastic Surgery, 350 Parnassus Ave']), []);
    assert.deepStrictEqual(found(['Pt lives at 350 Parnassus Ave']), [['address', 0, '350 Parnassus Ave']]);
  });

  it('needs a clinical word for a room, but not for a bed', () => {
    assert.deepStrictEqual(found(['Room 204B at the convention center']), []);
    assert.deepStrictEqual(found(['room 412']), []);
    assert.deepStrictEqual(found(['pt in room 412']), [['room', 0, '412']]);
    assert.deepStrictEqual(found(['bed 7B']), [['room', 0, '7B']]);
    assert.deepStrictEqual(found(['Poster session, bed 7B of the exhibit hall']), []);
  });

  it('needs a clinical word for an age, and not a role right after it', () => {
    assert.deepStrictEqual(found(['a 32-year-old resident with a lot of energy']), []);
    assert.deepStrictEqual(found(['a 32-year-old with a lot of pain after the MVC']), [['age', 0, '32-year-old']]);
    assert.deepStrictEqual(found(['Chief, 31 years old, from Chicago']), []);
    assert.deepStrictEqual(found(['Raised $45M with a new donor']), []);
  });

  it('skips the frontmatter fields holding the note\'s own contact details, and only those', () => {
    const note = [
      '---',
      'type: contact',
      'phone: 617-555-0100 (home)',
      'address: 12 Birch Ln, home office',
      'fax:',
      '  - 617-555-0101 home',
      'notes: "met on the burn unit, pt in room 12"',
      '---',
      'Her office phone is 617-555-0102 (she offered it)',
      "The pt's daughter: 617-555-0103",
    ];
    assert.deepStrictEqual(found(note), [
      ['room', 6, '12'],
      ['phone', 9, '617-555-0103'],
    ]);
    // fromLine skips everything before it, frontmatter included.
    assert.deepStrictEqual(found(note, 8), [['phone', 9, '617-555-0103']]);
    assert.deepStrictEqual(found(note, 100), []);
    assert.deepStrictEqual(found(note, -3).length, 2);
    assert.deepStrictEqual(found(note, Number.NaN).length, 2);
  });

  it('scans an unclosed frontmatter block like any text', () => {
    assert.deepStrictEqual(found(['---', "phone: pt's home 617-555-0100"]), [['phone', 1, '617-555-0100']]);
  });

  it('reads values in markdown table cells', () => {
    assert.deepStrictEqual(found(['| MRN | 4470912 |', '| DOB | 03/14/1952 |']), [['mrn', 0, '4470912'], ['dob', 1, '03/14/1952']]);
  });

  it('still reports identifiers inside code blocks', () => {
    assert.deepStrictEqual(found(['```', 'MRN 00482913', '```']), [['mrn', 1, '00482913']]);
  });

  it('runs in linear time: 200 KB lines of digits and separators take well under a second', () => {
    const N = 200_000;
    const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
    const shapes = [
      rep('0123456789'), rep('1-2-3 4/5/6 (7) 8.9 '), rep('412-55-7809 '), rep('pt 555-0173 (415) 555-2290 '),
      rep('pt room 12 bed 7B '), rep('MRN 1234567 DOB 3/14/1952 '), rep('72 yo F with 45M s/p '),
      '1' + ' '.repeat(N), '1 ' + rep('a '), rep('1-'), rep('12 Aaa Bbb Ccc Ddd '), rep('aged 1 '),
    ];
    for (const line of shapes) {
      const t = performance.now();
      findPatientIdentifiers([line]);
      const ms = performance.now() - t;
      assert.ok(ms < 1000, `${ms.toFixed(0)} ms for ${JSON.stringify(line.slice(0, 20))}...`);
    }
  });

  it('writes nothing to the console', () => {
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    const saved = methods.map((m) => console[m].bind(console));
    let calls = 0;
    for (const m of methods) console[m] = () => { calls++; };
    try {
      for (const item of labelled.items) findPatientIdentifiers([item.text]);
    } finally {
      methods.forEach((m, i) => { console[m] = saved[i]; });
    }
    assert.strictEqual(calls, 0);
  });

  it('turns findings into problems with the configured severity, or none when off', () => {
    const lines = ['MRN 00482913'];
    const [p] = patientIdentifierProblems(lines);
    assert.strictEqual(p.code, 'patient-identifier');
    assert.strictEqual(p.severity, 'info');
    assert.deepStrictEqual(p.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 12 } });
    assert.strictEqual(patientIdentifierProblems(lines, 'warning')[0].severity, 'warning');
    assert.deepStrictEqual(patientIdentifierProblems(lines, 'off'), []);
  });
});

describe('privacy: redaction', () => {
  const range = (line: number, start: number, end: number, endLine = line) =>
    ({ start: { line, character: start }, end: { line: endLine, character: end } });

  it('replaces exactly the range with [redacted]', () => {
    assert.strictEqual(redact('MRN 00482913, flap check', range(0, 4, 12)), 'MRN [redacted], flap check');
    assert.strictEqual(redact('72 yo F', range(0, 0, 5)), '[redacted] F');
  });

  it('clamps a stale range instead of throwing', () => {
    assert.strictEqual(redact('short', range(0, 3, 99)), 'sho[redacted]');
    assert.strictEqual(redact('short', range(0, 99, 120)), 'short[redacted]');
    assert.strictEqual(redact('short', range(0, 4, 2)), 'shor[redacted]t');
    assert.strictEqual(redact('multi line', range(0, 6, 2, 1)), 'multi [redacted]');
  });

  it('redacts every finding of a note, several on one line', () => {
    const lines = ['title', 'Pt (MRN 4470912) in bed 12, 67 yo M s/p ALT flap', "daughter's # 617-555-0166"];
    assert.deepStrictEqual(redactAll(lines, findPatientIdentifiers(lines)), [
      'title',
      'Pt (MRN [redacted]) in bed [redacted], [redacted] M s/p ALT flap',
      "daughter's # [redacted]",
    ]);
    assert.deepStrictEqual(findPatientIdentifiers(redactAll(lines, findPatientIdentifiers(lines))), []);
  });
});
