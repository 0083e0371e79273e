/**
 * Reading the Metapsy data.csv: semicolon-separated, strings in double quotes (a quote inside
 * is doubled), decimal comma, and a bare NA for a missing value. Quoted fields may hold
 * semicolons and line breaks (CRLF or LF), which are kept as they are.
 */

/** One parsed field: its text and whether it was written in quotes. */
type Field = { text: string; quoted: boolean };

/** Splits delimited text into rows of fields; a bare (unquoted) NA becomes null. */
export function parseDelimited(input: string, delimiter = ';'): (string | null)[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: (string | null)[][] = [];
  let row: Field[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let started = false; // whether the current row has any content yet
  const endField = () => {
    row.push({ text: field, quoted });
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row.map((f) => (!f.quoted && f.text === 'NA' ? null : f.text)));
    row = [];
    started = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`a quote in the middle of an unquoted field (row ${rows.length + 1})`);
      inQuotes = true;
      quoted = true;
      started = true;
    } else if (c === delimiter) {
      endField();
      started = true;
    } else if (c === '\r' && text[i + 1] === '\n') {
      continue; // the \n ends the row
    } else if (c === '\n') {
      if (started || field !== '') endRow();
    } else {
      field += c;
      started = true;
    }
  }
  if (inQuotes) throw new Error('the file ends inside a quoted field');
  if (started || field !== '') endRow();
  return rows;
}

/** Turns the header row and the data rows into one record per row, keyed by column name. */
export function toRecords(rows: (string | null)[][]): Record<string, string | null>[] {
  const [header, ...data] = rows;
  if (!header) return [];
  const names = header.map((h) => h ?? '');
  if (new Set(names).size !== names.length) throw new Error('the header repeats a column name');
  return data.map((cells, i) => {
    if (cells.length !== names.length) {
      throw new Error(`data row ${i + 1} has ${cells.length} fields, the header ${names.length}`);
    }
    return Object.fromEntries(names.map((name, j) => [name, cells[j] ?? null]));
  });
}

const DECIMAL_COMMA = /^-?\d+(,\d+)?$/;

/** "21,36" → "21.36"; NA (null) stays null; anything else is an error, never a guess. */
export function decimalText(raw: string | null): string | null {
  if (raw === null) return null;
  if (!DECIMAL_COMMA.test(raw)) throw new Error(`"${raw}" is not a decimal-comma number`);
  return raw.replace(',', '.');
}

/** "21,36" → 21.36, NA → undefined. The number is the double nearest the printed decimal. */
export function parseDecimal(raw: string | null): number | undefined {
  const t = decimalText(raw);
  return t === null ? undefined : Number(t);
}

/** A whole number such as "49"; NA → undefined; "4,5" is an error. */
export function parseCount(raw: string | null): number | undefined {
  const n = parseDecimal(raw);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n)) throw new Error(`"${raw}" is not a whole number`);
  return n;
}

/**
 * Exact decimal arithmetic for the few derived numbers (percentages, interval ends), so that
 * they can be reproduced to the last digit: a value is digits × 10^-scale.
 */
export type Dec = { digits: bigint; scale: number };

export function dec(text: string): Dec {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a plain decimal`);
  const frac = m[3] ?? '';
  const digits = BigInt(`${m[2]}${frac}`);
  return { digits: m[1] ? -digits : digits, scale: frac.length };
}

const align = (a: Dec, b: Dec): [bigint, bigint, number] => {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
};

export const decAdd = (a: Dec, b: Dec): Dec => {
  const [x, y, scale] = align(a, b);
  return { digits: x + y, scale };
};
export const decSub = (a: Dec, b: Dec): Dec => {
  const [x, y, scale] = align(a, b);
  return { digits: x - y, scale };
};
export const decMul = (a: Dec, b: Dec): Dec => ({ digits: a.digits * b.digits, scale: a.scale + b.scale });

/** Rounds half away from zero to `places` decimals. */
export function decRound(a: Dec, places: number): Dec {
  if (a.scale <= places) return a;
  const drop = 10n ** BigInt(a.scale - places);
  const negative = a.digits < 0n;
  const abs = negative ? -a.digits : a.digits;
  let kept = abs / drop;
  if ((abs % drop) * 2n >= drop) kept += 1n;
  return { digits: negative ? -kept : kept, scale: places };
}

/** The shortest plain decimal for the value ("24.49", "0", "-0.3"). */
export function decText(a: Dec): string {
  const negative = a.digits < 0n;
  let s = (negative ? -a.digits : a.digits).toString().padStart(a.scale + 1, '0');
  if (a.scale > 0) s = `${s.slice(0, -a.scale)}.${s.slice(-a.scale)}`.replace(/\.?0+$/, '');
  return s === '0' ? '0' : `${negative ? '-' : ''}${s}`;
}

export const decNumber = (a: Dec): number => Number(decText(a));
