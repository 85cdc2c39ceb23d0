// The report's only style sheet, inlined so the HTML is one self-contained file; print rules keep
// figures and tables from splitting across PDF pages. Only `long` cells (paths, checksums, JSON)
// may break anywhere; text wraps between words, number cells never wrap and names break only
// where report-table.ts allows. A table squeezed into a page then narrows its long columns instead
// of printing 200 as "2/0/0" (a cell that may break anywhere lets the table shrink it to one letter).
// A notice (p.notice) warns in red; a note (p.note) informs, plainly.
export const REPORT_CSS = `
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:12px;color:#222;margin:24px auto;max-width:1000px;}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:26px}h3{font-size:13px}
table{border-collapse:collapse;margin:8px 0;font-size:11px;width:100%}th,td{border:1px solid #ddd;padding:3px 5px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#f2f4f8}code{font-size:10px}figure{margin:10px 0}figure svg{max-width:100%;height:auto}figcaption{font-size:10px;color:#555}
pre{background:#f7f7f7;padding:8px;font-size:10px;white-space:pre-wrap}
td.long{overflow-wrap:anywhere}
td.number{white-space:nowrap;text-align:right}th.number{text-align:right}td.number,td.numbers{font-variant-numeric:tabular-nums}.nowrap{white-space:nowrap}
table.predictions{font-size:10px}table.predictions.dense{font-size:9px}table.predictions.dense th,table.predictions.dense td{padding:2px 3px}table.predictions.continued{width:auto}table.predictions th,table.predictions td{padding:2px 4px}
div.warning+div.warning{margin-top:5px;padding-top:5px;border-top:1px dotted #ccc}
p.left-out{font-size:11px;color:#444}
p.notice{font-weight:bold;color:#8a1c00;border-left:4px solid #c0392b;padding:4px 8px;background:#fdf0ee}
p.note{color:#333;border-left:4px solid #8aa4c8;padding:4px 8px;background:#f2f5fa}
@media print{body{margin:0;max-width:none}figure,tr{break-inside:avoid}h2{break-after:avoid}}
`;
