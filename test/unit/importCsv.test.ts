import * as assert from 'assert';
import { checkRowWidths, parseCsv, sniffDelimiter } from '../../src/core/import/csv';

const fields = (text: string) => parseCsv(text).rows.map((r) => r.fields);

describe('import: CSV reader', () => {
  it('reads plain and quoted fields, with commas and doubled quotes inside quotes', () => {
    assert.deepStrictEqual(fields('a,b,c\n1,"two, three","say ""hi"""\n'), [['a', 'b', 'c'], ['1', 'two, three', 'say "hi"']]);
    assert.deepStrictEqual(fields('"",x,""\n'), [['', 'x', '']]);
    assert.deepStrictEqual(fields('a,\n'), [['a', '']]);
    assert.deepStrictEqual(fields('a,'), [['a', '']]);
    assert.deepStrictEqual(fields('"only"'), [['only']]);
  });

  it('keeps line breaks inside quoted fields and numbers the rows by the line they start on', () => {
    const r = parseCsv('h1,h2\r\n"line one\r\nline two\nline three",x\r\nnext,row\r\n');
    assert.deepStrictEqual(r.rows.map((x) => x.fields), [['h1', 'h2'], ['line one\r\nline two\nline three', 'x'], ['next', 'row']]);
    assert.deepStrictEqual(r.rows.map((x) => x.line), [1, 2, 5]);
    assert.deepStrictEqual(r.issues, []);
  });

  it('accepts CRLF, LF and lone CR line endings alike, and a leading BOM', () => {
    const expected = [['a', 'b'], ['1', '2'], ['3', '4']];
    assert.deepStrictEqual(fields('a,b\r\n1,2\r\n3,4\r\n'), expected);
    assert.deepStrictEqual(fields('a,b\n1,2\n3,4'), expected);
    assert.deepStrictEqual(fields('a,b\r1,2\r3,4\r'), expected);
    assert.deepStrictEqual(fields('\uFEFFa,b\n1,2\n3,4\n'), expected);
    assert.deepStrictEqual(parseCsv('a\r1\r\r2').rows.map((r) => r.line), [1, 2, 4]);
  });

  it('skips blank lines and rows of empty fields, but not a row with one quoted empty field', () => {
    const r = parseCsv('a,b\n\n,\n,,\n1,2\n""\n');
    assert.deepStrictEqual(r.rows.map((x) => [x.line, x.fields]), [[1, ['a', 'b']], [5, ['1', '2']], [6, ['']]]);
  });

  it('is lenient with stray quotes: inside an unquoted field, or text after a closing quote', () => {
    assert.deepStrictEqual(fields('ab"c,d\n'), [['ab"c', 'd']]);
    assert.deepStrictEqual(fields('"abc"def,g\n'), [['abcdef', 'g']]);
  });

  it('reports a quote that never closes with its line, keeping the rows before it', () => {
    const r = parseCsv('h\nok\n"never closed\nmore\nand more\n');
    assert.deepStrictEqual(r.rows.map((x) => x.fields), [['h'], ['ok']]);
    assert.strictEqual(r.issues.length, 1);
    assert.strictEqual(r.issues[0].line, 3);
    assert.match(r.issues[0].reason, /opened on line 3 is never closed/);
  });

  it('numbers lines from firstLine when given a slice of a file', () => {
    assert.deepStrictEqual(parseCsv('a\nb\n', { firstLine: 4 }).rows.map((r) => r.line), [4, 5]);
  });

  it('reports ragged rows with their line and keeps the rest', () => {
    const { rows } = parseCsv('a,b,c\n1,2,3\n1,2\n1,2,3,4\n"x\ny",2,3\n');
    const checked = checkRowWidths(rows.slice(1), 3);
    assert.deepStrictEqual(checked.rows.map((r) => r.line), [2, 5]);
    assert.deepStrictEqual(checked.issues.map((i) => i.line), [3, 4]);
    assert.match(checked.issues[0].reason, /2 fields but the header has 3/);
    assert.match(checked.issues[1].reason, /4 fields but the header has 3/);
  });

  it('reads other delimiters, and sniffs them from the header line outside quotes', () => {
    assert.deepStrictEqual(parseCsv('a;"b;c"\n1;2\n', { delimiter: ';' }).rows.map((r) => r.fields), [['a', 'b;c'], ['1', '2']]);
    assert.strictEqual(sniffDelimiter('Name;Email;Phone\n'), ';');
    assert.strictEqual(sniffDelimiter('Name\tEmail\tPhone\n'), '\t');
    assert.strictEqual(sniffDelimiter('"a;b;c",d\n'), ',');
    assert.strictEqual(sniffDelimiter('\n\nName,Email\n'), ',');
  });

  it('stays linear on a large quoted field', () => {
    const big = `"${'x'.repeat(2_000_000)}"\n`;
    const started = Date.now();
    assert.strictEqual(parseCsv(big).rows[0].fields[0].length, 2_000_000);
    assert.ok(Date.now() - started < 2000);
  });
});
