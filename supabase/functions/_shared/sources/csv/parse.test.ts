import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv } from './parse.ts';

describe('parseCsv', () => {
  it('finds the header under a report title and numbers each record by the file line it ends on, quotes and all', () => {
    const text = '\ufeffCampaign report\n"March 1, 2026 - March 2, 2026"\nDay,Campaign,Cost\n2026-03-01,"Spring, Sale",1\n\n2026-03-02,"Multi\nline",2\n';
    const { headers, lines } = parseCsv(text);
    expect(headers).toEqual(['Day', 'Campaign', 'Cost']);
    expect(lines).toEqual([
      { line: 4, cells: { Day: '2026-03-01', Campaign: 'Spring, Sale', Cost: '1' } },
      { line: 7, cells: { Day: '2026-03-02', Campaign: 'Multi\nline', Cost: '2' } },
    ]);
  });
  it('reads semicolon-separated files (European spreadsheets)', () => {
    expect(parseCsv('Date;Spend\n2026-03-01;4\n').lines[0].cells).toEqual({ Date: '2026-03-01', Spend: '4' });
  });
  it('says why a file cannot be read', () => {
    expect(() => parseCsv('a,b\n1,2\n')).toThrow(CsvFormatError);
    expect(() => parseCsv('Date,Cost\n"unterminated,1\n')).toThrow(/not a readable CSV/);
  });
});
