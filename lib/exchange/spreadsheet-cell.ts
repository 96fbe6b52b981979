// CSV/TSV cells that a spreadsheet would run as a formula (=, +, -, @) or that it mangles on opening
// (a leading tab or carriage return) get a leading apostrophe, which Excel and LibreOffice take as
// "this cell is text". A cell that really starts with an apostrophe gets one too, so that reading
// back is unambiguous: the import removes one apostrophe exactly when a trigger or another
// apostrophe follows it. Every text therefore comes back byte for byte, and a plain "'twas" from
// another tool's file is left alone (docs/exchange.md, "CSV and TSV").
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);
const QUOTE = "'";

const needsQuote = (first: string | undefined) => first !== undefined && (TRIGGERS.has(first) || first === QUOTE);

/** The cell as written to a CSV/TSV file. */
export function protectCell(value: string): string {
  return needsQuote(value[0]) ? QUOTE + value : value;
}

/** The inverse of protectCell: the cell's value as read from a CSV/TSV file. */
export function unprotectCell(cell: string): string {
  return cell[0] === QUOTE && needsQuote(cell[1]) ? cell.slice(1) : cell;
}
