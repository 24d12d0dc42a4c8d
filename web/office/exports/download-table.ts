// Turns a table (columns + rows of plain values) into a CSV or Excel file and hands it to the
// browser as a download. The Excel writer is imported only when someone asks for an .xlsx, so it
// never weighs on the screens that merely show a table.

import type { Cell, SheetData } from 'write-excel-file/browser';

export type TableColumn = { key: string; header: string };
export type TableRow = Record<string, unknown>;
export type TableFormat = 'csv' | 'xlsx';

export type DownloadTableOptions = {
  fileName: string;
  columns: TableColumn[];
  rows: TableRow[];
  format: TableFormat;
};

// Excel reads a CSV without a byte-order mark as the machine's code page: "Śri" and "Ngadiyem"
// survive, but any accented name turns to mojibake. The BOM makes it read UTF-8.
export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

// A cell a spreadsheet would run as a formula (CSV injection). A number written as text (e.g.
// "-12500") is left alone: it is data, and an apostrophe would turn it into text in Excel.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The text a value takes in a CSV cell, before quoting. */
export function csvCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  const text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `'${text}`;
  return text;
}

function quoteCsv(text: string): string {
  // RFC 4180: a field holding a quote, comma or line break is quoted, quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row, CRLF line ends, a UTF-8 BOM and formula-injection guard. */
export function toCsv(columns: TableColumn[], rows: TableRow[]): string {
  const lines = [columns.map((c) => quoteCsv(csvCellText(c.header))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quoteCsv(csvCellText(row[c.key]))).join(','));
  return UTF8_BOM + lines.join(CRLF) + CRLF;
}

// Characters XML 1.0 forbids; a stray one in a note would make Excel refuse the whole file.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

type XlsxCell = Cell;

/** The sheet the Excel writer gets: typed cells, numbers as numbers, dates as date cells. */
export function toSheetData(columns: TableColumn[], rows: TableRow[]): SheetData {
  const header: XlsxCell[] = columns.map((c) => ({ value: c.header.replace(XML_INVALID, ''), fontWeight: 'bold' }));
  const body = rows.map((row) => columns.map((c) => xlsxCell(row[c.key])));
  return [header, ...body];
}

function xlsxCell(value: unknown): XlsxCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : null;
  if (typeof value === 'boolean') return { value, type: Boolean };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return { value, type: Date, format: midnight ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' };
  }
  // Text cells are written as strings, never formulas, so "=1+1" stays text in Excel; the "@"
  // format keeps Excel from reading "0812…" or "2026-01" as a number or a date.
  return { value: String(value).replace(XML_INVALID, ''), type: String, format: '@' };
}

function columnWidths(columns: TableColumn[], rows: TableRow[]): { width: number }[] {
  return columns.map((c) => {
    let longest = c.header.length;
    for (const row of rows.slice(0, 200)) longest = Math.max(longest, csvCellText(row[c.key]).length);
    return { width: Math.min(60, Math.max(8, longest + 2)) };
  });
}

function withExtension(fileName: string, format: TableFormat): string {
  return fileName.toLowerCase().endsWith(`.${format}`) ? fileName : `${fileName}.${format}`;
}

async function toBlob(options: DownloadTableOptions): Promise<Blob> {
  if (options.format === 'csv') return new Blob([toCsv(options.columns, options.rows)], { type: 'text/csv;charset=utf-8' });
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const sheet = toSheetData(options.columns, options.rows);
  // The header row stays in view while scrolling a long export.
  return writeXlsxFile(sheet, { columns: columnWidths(options.columns, options.rows), stickyRowsCount: 1 }).toBlob();
}

/** Builds the file and starts the browser's download of it. */
export async function downloadTable(options: DownloadTableOptions): Promise<void> {
  const blob = await toBlob(options);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = withExtension(options.fileName, options.format);
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked a moment later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
