// Typesets a register's truth file with jsPDF and jsPDF-AutoTable, as web
// applications print tables: Helvetica (standard 14) or an embedded
// TrueType face, columns sized to their text (each at least as wide as its
// longest word), cells bordered (`grid`), bare (`plain`) or shaded in turn
// (`striped`: a dark header and every other row filled, no rule at all, so
// that an unshaded last row lies below the lowest shaded edge). Section
// headings are shaded rows spanning the table; the notes follow the table,
// the last on the next page when the table fills the first. Not run by the
// tests: its outputs are committed.
//
//     npm install jspdf@2 jspdf-autotable@3
//     node tests/data/make_jspdf_autotable.js fixtures/truth/hopital.json \
//         fixtures/pdf/hopital-jspdf-autotable-striped.pdf striped
//
// Arguments: TRUTH.json OUT.pdf [grid|plain|striped] [landscape|portrait]
// [a4|a3|letter] [font size]; TTF and TTFB (regular and bold font files)
// in the environment embed that face instead of Helvetica.

const fs = require('fs');
const { jsPDF } = require('jspdf');
const atmod = require('jspdf-autotable'); const autoTable = atmod.autoTable || atmod.default || atmod;
const [truthPath, out, theme = 'grid', orientation = 'landscape', format = 'a4', fontSize = '7'] = process.argv.slice(2);
const t = JSON.parse(fs.readFileSync(truthPath, 'utf8'));
const doc = new jsPDF({ orientation, unit: 'pt', format });
const FONT = process.env.TTF ? 'Custom' : 'helvetica';
if (process.env.TTF) {
  doc.addFileToVFS('c.ttf', fs.readFileSync(process.env.TTF).toString('base64')); doc.addFont('c.ttf', 'Custom', 'normal');
  doc.addFileToVFS('cb.ttf', fs.readFileSync(process.env.TTFB).toString('base64')); doc.addFont('cb.ttf', 'Custom', 'bold');
}
doc.setFont(FONT, 'bold'); doc.setFontSize(13);
const W = doc.internal.pageSize.getWidth();
doc.text(doc.splitTextToSize(t.preamble.title, W - 80), 40, 40);
doc.setFont(FONT, 'normal'); doc.setFontSize(9);
doc.text(`${t.preamble.organization}, ${t.preamble.address}`, 40, 70);
doc.text(`Contact DPO : ${t.preamble.rights_contact}`, 40, 82);
const cell = s => s.replace(/ • /g, '\n• ');
const body = () => { const out = []; t.records.forEach((r, i) => {
  for (const sec of (t.sections || []).filter(x => x.first_record === i))
    out.push([{ content: sec.title, colSpan: t.columns.length, styles: { fontStyle: 'bold', fillColor: [220, 220, 220] } }]);
  out.push(r.cells.map(cell)); }); return out; };
autoTable(doc, {
  startY: 95, theme, head: [t.columns], body: body(),
  styles: { font: FONT, fontSize: Number(fontSize), cellPadding: 3, overflow: 'linebreak', valign: 'top' },
  headStyles: { fontStyle: 'bold' },
  margin: { left: 30, right: 30 },
});
let y = doc.lastAutoTable.finalY + 14;
doc.setFontSize(8);
for (const n of t.notes || []) { const ls = doc.splitTextToSize(n, W - 60); if (y + ls.length * 10 > doc.internal.pageSize.getHeight() - 30) { doc.addPage(); y = 40; } doc.text(ls, 30, y); y += ls.length * 10 + 4; }
doc.setProperties({ creationDate: new Date(Date.UTC(2026, 0, 1)) });
fs.writeFileSync(out, Buffer.from(doc.output('arraybuffer')));
