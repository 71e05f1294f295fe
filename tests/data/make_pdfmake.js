// Typesets a register's truth file with pdfmake (over PDFKit), which embeds
// Roboto subsets (its bold face is Roboto Medium) and sizes every column
// alike (`*` widths): short section headings fit inside the first column.
// Layouts: `grid` (every rule), `lines` (pdfmake's lightHorizontalLines:
// rules between rows only), `head` (a rule under the header only) and
// `none` (no rule). Section headings are shaded rows spanning the table
// (`colSpan`); bullet items are printed as text (`• …` lines), or, with
// UL=1 in the environment, as pdfmake's `ul` lists, whose bullets are
// drawn discs, not text. Not run by the tests: its outputs are committed.
//
//     npm install pdfmake@0.2
//     node tests/data/make_pdfmake.js fixtures/truth/syndicat.json \
//         fixtures/pdf/syndicat-pdfmake-borderless.pdf none
//     node tests/data/make_pdfmake.js fixtures/truth/hopital.json \
//         fixtures/pdf/hopital-pdfmake-lines.pdf lines
//     UL=1 node tests/data/make_pdfmake.js fixtures/truth/hopital.json \
//         fixtures/pdf/hopital-pdfmake-lists.pdf grid
//
// Arguments: TRUTH.json OUT.pdf [grid|lines|head|none] [landscape|portrait]
// [font size].

const fs = require('fs');
const PdfPrinter = require('pdfmake/src/printer');
const vfs = require('pdfmake/build/vfs_fonts.js');
const v = vfs.pdfMake ? vfs.pdfMake.vfs : vfs;
const buf = n => Buffer.from(v[n], 'base64');
const fonts = { Roboto: { normal: buf('Roboto-Regular.ttf'), bold: buf('Roboto-Medium.ttf'), italics: buf('Roboto-Italic.ttf'), bolditalics: buf('Roboto-MediumItalic.ttf') } };
const [truthPath, out, layout = 'grid', orientation = 'landscape', size = '7'] = process.argv.slice(2);
const t = JSON.parse(fs.readFileSync(truthPath, 'utf8'));
const n = t.columns.length;
const useUl = process.env.UL === '1';
const cellContent = s => s.includes(' • ') && useUl ? { ul: s.split(/ ?• /).filter(x => x) } : s.replace(/ • /g, '\n• ');
const body = [t.columns.map(c => ({ text: c, bold: true }))];
t.records.forEach((r, i) => {
  for (const sec of (t.sections || []).filter(x => x.first_record === i)) {
    const row = [{ text: sec.title, colSpan: n, bold: true, fillColor: '#dddddd' }];
    for (let k = 1; k < n; k++) row.push('');
    body.push(row);
  }
  body.push(r.cells.map(cellContent));
});
const layouts = { grid: undefined, lines: 'lightHorizontalLines', none: 'noBorders', head: 'headerLineOnly' };
const doc = {
  pageOrientation: orientation, pageSize: 'A4', pageMargins: [30, 30, 30, 30],
  defaultStyle: { fontSize: Number(size) },
  info: { creationDate: new Date(Date.UTC(2026, 0, 1)) },
  content: [
    { text: t.preamble.title, fontSize: 13, bold: true },
    { text: `${t.preamble.organization}, ${t.preamble.address}`, fontSize: 9 },
    { text: `Délégué à la protection des données : ${t.preamble.rights_contact}`, fontSize: 9, margin: [0, 0, 0, 8] },
    { table: { headerRows: 1, widths: Array(n).fill('*'), body }, layout: layouts[layout] },
    ...(t.notes || []).map(x => ({ text: x, fontSize: 8, margin: [0, 6, 0, 0] })),
  ],
};
const printer = new PdfPrinter(fonts);
const pdf = printer.createPdfKitDocument(doc);
pdf.pipe(fs.createWriteStream(out));
pdf.end();
