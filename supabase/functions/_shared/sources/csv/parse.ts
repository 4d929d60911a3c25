/**
 * Reads an uploaded CSV with csv-parse (quoted fields, embedded commas and newlines, a BOM, ; or tab as separator)
 * and finds its header row, returning each data record with the file line it ends on (its only line, unless a quoted cell spans lines).
 */
import { parse } from 'csv-parse/sync';
import { findHeaderRow, type CsvLine } from '../../domain/csv-import.ts';

export interface ParsedCsv {
  headers: string[];
  lines: CsvLine[];
}

/** The file's delimiter: whichever of , ; and tab splits the first lines into the most columns. */
function sniffDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 5).join('\n');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: head.split(d).length }));
  return counts.sort((a, b) => b.n - a.n)[0].d;
}

export class CsvFormatError extends Error {}

export function parseCsv(text: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new CsvFormatError(`This file is not a readable CSV: ${(error as Error).message}`);
  }
  const at = findHeaderRow(records.map((r) => r.record));
  if (at === -1) throw new CsvFormatError('No header row found: the file needs a date column and at least one metric column (e.g. Day, Cost)');
  const headers = records[at].record.map((h, i) => (h === '' ? `Column ${i + 1}` : h));
  const lines = records.slice(at + 1).map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(headers.map((h, i) => [h, record[i] ?? ''])),
  }));
  return { headers, lines };
}
