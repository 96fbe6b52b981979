// DOCX with the docx package: a landscape side-by-side table (docx), or the translation alone with
// headings and bulleted lists (docx-target). A DOCX is a zip whose directory comes last, so it is
// built whole and then sent (docs/exchange.md).
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { languageName } from "../../i18n/language-names";
import { getT } from "../../i18n/server";
import { fallbackLng } from "../../i18n/settings";
import { type ExchangeSource, unitsOf } from "../read-document";
import type { ExchangeUnit, ExportRequest } from "../types";
import { openNotesText, statusSummary, targetOnlyText } from "./common";

// A4 in twentieths of a point, given portrait: docx swaps them for a landscape section.
const A4 = { width: 11906, height: 16838 };
const BULLETS = "bullets";
const numbering = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: "•",
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720, hanging: 360 } } },
        },
      ],
    },
  ],
};

/** Text runs with a line break for every LF inside the paragraph. */
function runs(text: string, bold = false): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : undefined }));
}

function cell(text: string, widthPct: number, bold = false): TableCell {
  const paragraphs = text.split("\n").map((line) => new Paragraph({ children: runs(line, bold) }));
  return new TableCell({ width: { size: widthPct, type: WidthType.PERCENTAGE }, children: paragraphs });
}

function columnWidths(targets: number, notes: boolean): { no: number; text: number; status: number; notes: number } {
  const no = 4;
  const status = 10;
  const notesPct = notes ? 16 : 0;
  return { no, status, notes: notesPct, text: (100 - no - status - notesPct) / (targets + 1) };
}

/** What a reader of the table sees instead of codes: language names and statuses in their language. */
function labelsFor(request: ExportRequest) {
  const lng = request.lng ?? fallbackLng;
  const t = getT(lng);
  return {
    t,
    lang: (code: string) => languageName(code, lng),
    status: (status: string) => t(`status.${status}`),
  };
}

type Labels = ReturnType<typeof labelsFor>;

function row(unit: ExchangeUnit, request: ExportRequest, targets: string[], labels: Labels): TableRow {
  const w = columnWidths(targets.length, request.includeNotes);
  const cells = [
    cell(String(unit.position), w.no),
    cell(unit.source, w.text),
    ...targets.map((lang) => cell(unit.targets[lang]?.text ?? "", w.text)),
    cell(statusSummary(unit, targets, labels), w.status),
  ];
  if (request.includeNotes) cells.push(cell(openNotesText(unit, { langLabel: labels.lang, quotes: true }), w.notes));
  return new TableRow({ children: cells });
}

export async function* writeDocxTable(source: ExchangeSource, request: ExportRequest): AsyncGenerator<Uint8Array> {
  const { header } = source;
  const targets = header.targetLangs;
  const labels = labelsFor(request);
  const w = columnWidths(targets.length, request.includeNotes);
  const head = [cell("№", w.no, true), cell(labels.lang(header.sourceLang), w.text, true)];
  for (const lang of targets) head.push(cell(labels.lang(lang), w.text, true));
  head.push(cell(labels.t("export.docxStatus"), w.status, true));
  if (request.includeNotes) head.push(cell(labels.t("export.docxNotes"), w.notes, true));
  const rows = [new TableRow({ tableHeader: true, children: head })];
  for await (const unit of unitsOf(source)) rows.push(row(unit, request, targets, labels));
  const document = new Document({
    title: header.title,
    creator: "Parallel",
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(header.title) }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  yield new Uint8Array(await Packer.toBuffer(document));
}

function targetParagraph(unit: ExchangeUnit, text: string): Paragraph {
  if (unit.kind === "heading") return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(text) });
  if (unit.kind === "list_item")
    return new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(text) });
  return new Paragraph({ children: runs(text) });
}

export async function* writeDocxTarget(source: ExchangeSource, request: ExportRequest): AsyncGenerator<Uint8Array> {
  const [lang] = source.header.targetLangs;
  const children: Paragraph[] = [];
  for await (const unit of unitsOf(source)) {
    const text = targetOnlyText(unit, lang, request);
    if (text !== null) children.push(targetParagraph(unit, text));
  }
  const document = new Document({
    title: source.header.title,
    creator: "Parallel",
    numbering,
    sections: [{ properties: { page: { size: A4 } }, children }],
  });
  yield new Uint8Array(await Packer.toBuffer(document));
}
