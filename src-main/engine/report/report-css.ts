// The report's only style sheet, inlined so the HTML is one self-contained file; print rules keep
// figures and tables from splitting across PDF pages.
export const REPORT_CSS = `
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:12px;color:#222;margin:24px auto;max-width:1000px;}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:26px}h3{font-size:13px}
table{border-collapse:collapse;margin:8px 0;font-size:11px;width:100%}th,td{border:1px solid #ddd;padding:3px 5px;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f2f4f8}code{font-size:10px}figure{margin:10px 0}figure svg{max-width:100%;height:auto}figcaption{font-size:10px;color:#555}
pre{background:#f7f7f7;padding:8px;font-size:10px;white-space:pre-wrap}
@media print{body{margin:0;max-width:none}figure,tr{break-inside:avoid}h2{break-after:avoid}}
`;
