<?php
// Typesets a register's truth file with TCPDF's writeHTML, as PHP web
// applications print their tables: a `thead` repeated on every page,
// section headings as bold rows spanning the table (`colspan`), bullet
// items as `•` lines, and one of three styles: `border` (every cell
// ruled), `none` (no rule), `zebra` (every other row shaded, headings
// counted but never shaded, so that a heading may sit between two
// unshaded rows). TCPDF prints its imprint `Powered by TCPDF` in 1 pt type
// in the last page's corner. Not run by the tests: its outputs are
// committed.
//
//     apt-get install php-cli php-tcpdf php-mbstring
//     php tests/data/make_tcpdf.php fixtures/truth/syndicat.json \
//         fixtures/pdf/syndicat-tcpdf-zebra.pdf zebra helvetica
//     php tests/data/make_tcpdf.php fixtures/truth/hopital.json \
//         fixtures/pdf/hopital-tcpdf-borderless.pdf none helvetica
//
// Arguments: TRUTH.json OUT.pdf [border|none|zebra] [font: dejavusans
// (embedded) or helvetica].
require_once('/usr/share/php/tcpdf/tcpdf.php');
[$_, $truthPath, $out] = $argv;
// TCPDF writes only to an absolute path.
$out = realpath(dirname($out)) . '/' . basename($out);
$style = $argv[3] ?? 'border';
$font = $argv[4] ?? 'dejavusans';
$t = json_decode(file_get_contents($truthPath), true);
$pdf = new TCPDF('L', 'pt', 'A4', true, 'UTF-8', false);
$pdf->setPrintHeader(false); $pdf->setPrintFooter(false);
$pdf->SetMargins(30, 30, 30); $pdf->SetAutoPageBreak(true, 30);
$pdf->AddPage();
$pdf->SetFont($font, 'B', 13);
$pdf->MultiCell(0, 0, $t['preamble']['title'], 0, 'L');
$pdf->SetFont($font, '', 9);
$pdf->MultiCell(0, 0, $t['preamble']['organization'] . ', ' . $t['preamble']['address'], 0, 'L');
$pdf->MultiCell(0, 0, 'Contact : ' . $t['preamble']['rights_contact'], 0, 'L');
$pdf->Ln(6);
$pdf->SetFont($font, '', 7);
$e = fn($s) => htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
$cell = function ($s) use ($e) {
  if (str_contains($s, ' • ') || str_starts_with($s, '• ')) {
    $items = array_filter(array_map('trim', explode('•', $s)));
    return implode('<br />', array_map(fn($i) => '• ' . $e($i), $items));
  }
  return $e($s);
};
$border = $style === 'border' ? ' border="1"' : '';
$n = count($t['columns']);
$html = '<table cellpadding="3"' . $border . '><thead><tr style="background-color:#dddddd;font-weight:bold;">';
foreach ($t['columns'] as $c) $html .= '<th>' . $e($c) . '</th>';
$html .= '</tr></thead><tbody>';
$secs = [];
foreach ($t['sections'] ?? [] as $s) $secs[$s['first_record']] = $s['title'];
$k = 0;
foreach ($t['records'] as $i => $r) {
  if (isset($secs[$i])) { $html .= '<tr><td colspan="' . $n . '"><b>' . $e($secs[$i]) . '</b></td></tr>'; $k++; }
  $bg = ($style === 'zebra' && $k % 2 == 1) ? ' style="background-color:#eeeeee;"' : '';
  $html .= '<tr' . $bg . '>';
  foreach ($r['cells'] as $c) $html .= '<td>' . $cell($c) . '</td>';
  $html .= '</tr>';
  $k++;
}
$html .= '</tbody></table>';
$pdf->writeHTML($html, true, false, false, false, '');
$pdf->SetFont($font, '', 8);
foreach ($t['notes'] ?? [] as $note) $pdf->MultiCell(0, 0, $note, 0, 'L');
$pdf->Output($out, 'F');
