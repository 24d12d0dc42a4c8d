import { inflateRawSync } from 'node:zlib';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { toCsv, toSheetData, UTF8_BOM } from './download-table';

const columns = [
  { key: 'id', header: 'ID' },
  { key: 'name', header: 'Kepala keluarga' },
  { key: 'amount', header: 'Tunggakan (Rp)' },
];

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and keeps Indonesian names intact', () => {
    const csv = toCsv(columns, [{ id: 'a1', name: 'Siti Ṅurhayati', amount: 150000 }]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('ID,Kepala keluarga,Tunggakan (Rp)\r\na1,Siti Ṅurhayati,150000\r\n');
    expect(csv.slice(1).includes('\uFEFF')).toBe(false);
  });

  it('quotes a cell holding a comma, a quote or a line break (RFC 4180), and only those', () => {
    const csv = toCsv(columns, [
      { id: 'a,1', name: 'Budi "Pak RT" Santoso', amount: 0 },
      { id: 'a2', name: 'Baris satu\nbaris dua', amount: 1 },
      { id: 'a3', name: 'CR\r\nLF', amount: 2 },
    ]);
    const lines = csv.slice(1);
    expect(lines).toContain('"a,1","Budi ""Pak RT"" Santoso",0\r\n');
    expect(lines).toContain('a2,"Baris satu\nbaris dua",1\r\n');
    expect(lines).toContain('a3,"CR\r\nLF",2\r\n');
  });

  it('writes empty cells for missing, null and non-finite values and ISO text for dates', () => {
    const csv = toCsv(columns, [{ id: new Date('2026-11-01T00:00:00Z'), name: null, amount: Number.NaN }]);
    expect(csv.slice(1).split('\r\n')[1]).toBe('2026-11-01T00:00:00.000Z,,');
  });

  it('defuses a formula: a cell starting with = + - @ tab or CR gets a leading apostrophe', () => {
    const rows = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'].map((name) => ({ id: 'x', name, amount: 1 }));
    const body = toCsv(columns, rows).slice(1).split('\r\n').slice(1, -1);
    expect(body[0]).toBe(`x,"'=HYPERLINK(""http://x"")",1`);
    expect(body[1]).toBe("x,'+1+1,1");
    expect(body[2]).toBe("x,'-2+3,1");
    expect(body[3]).toBe("x,'@SUM(A1),1");
    expect(body[4]).toBe("x,'\tTAB,1");
    // The CR made the cell need quoting too; it stays one row.
    expect(toCsv(columns, [rows[5]!])).toContain(`x,"'\rCR",1\r\n`);
  });

  it('leaves a plain negative number a number, whether given as a number or as text', () => {
    const csv = toCsv(columns, [{ id: 'n', name: '-12500', amount: -12500 }, { id: 'd', name: '-3.5', amount: -0.25 }]);
    expect(csv).toContain('n,-12500,-12500\r\n');
    expect(csv).toContain('d,-3.5,-0.25\r\n');
  });

  it('guards the header row as well', () => {
    expect(toCsv([{ key: 'a', header: '=cmd' }], []).slice(1)).toBe("'=cmd\r\n");
  });
});

describe('toSheetData', () => {
  it('keeps numbers as numbers, dates as date cells and text (even "=1+1") as text', () => {
    const sheet = toSheetData(columns, [{ id: '=1+1', name: new Date('2026-11-01T00:00:00Z'), amount: -5 }]);
    expect(sheet[0]![0]).toMatchObject({ value: 'ID', fontWeight: 'bold' });
    expect(sheet[1]![0]).toMatchObject({ value: '=1+1', type: String });
    expect(sheet[1]![1]).toMatchObject({ type: Date, format: 'yyyy-mm-dd' });
    expect(sheet[1]![2]).toEqual({ value: -5, type: Number });
  });
});

/** The entries of a zip (an .xlsx), read with node:zlib: enough to look inside the sheet. */
function unzip(buffer: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  // The end-of-central-directory record: its signature, searched from the end.
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataStart, dataStart + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

describe('toSheetData, written by write-excel-file', () => {
  it('makes a workbook whose number cells are numbers, whose text is text (not a formula) and whose date has a date format', async () => {
    const sheet = toSheetData(columns, [
      { id: '=1+1', name: 'Siti Nurhaliza', amount: 350_000 },
      { id: 'b2', name: new Date('2026-11-01T00:00:00Z'), amount: -5 },
    ]);
    const files = unzip(await writeXlsxFile(sheet).toBuffer());
    const xml = files.get('xl/worksheets/sheet1.xml')!;
    expect(xml).toBeTruthy();
    expect(xml).not.toContain('<f>');
    // A number cell has no type attribute (or t="n") and its value inline.
    expect(xml).toMatch(/<c r="C2"(?![^>]*t="s")[^>]*><v>350000<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C3"(?![^>]*t="s")[^>]*><v>-5<\/v><\/c>/);
    const strings = files.get('xl/sharedStrings.xml') ?? xml;
    expect(strings).toContain('=1+1');
    expect(strings).toContain('Siti Nurhaliza');
    expect(files.get('xl/styles.xml')).toContain('yyyy-mm-dd');
  });
});
