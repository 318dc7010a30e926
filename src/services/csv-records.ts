// The CSV files administrators upload (bulk MFA update, user import): UTF-8
// with or without BOM, any line ending, quoted fields, trimmed; a malformed
// file is one clear error naming its line.
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors.ts';

export interface CsvRecord {
  record: string[];
  /** Lines read so far: the record's (last) line, 1-based. */
  info: { lines: number };
}

export function readCsvRecords(text: string): CsvRecord[] {
  try {
    return parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as CsvRecord[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AppError('invalid_request', {
      detail: `The file is not valid CSV${line ? ` (line ${line})` : ''}: ${(e as Error).message.split(':')[0]}.`,
    });
  }
}
