// The smallest honest portal form over the `ogi-report` package: draw, check on every input,
// download Word. In a portal's own code the import is `from 'ogi-report'` (npm) or the path
// where the package's files are served.
import init, { check, emptyReport, format, render, withTotals } from '../../pkg/ogi_report.js';

await init();
let report = emptyReport(new Date().getFullYear() - 1);
const form = document.getElementById('report');

// Table 三 as the format prints it: merged labels, header rows, computed totals read-only.
const requests = format().tables.find((table) => table.heading.startsWith('三、'));
document.getElementById('requests-heading').textContent = requests.heading;
for (const row of requests.rows) {
  const tr = document.getElementById('requests').insertRow();
  for (const cell of row) {
    const td = document.createElement(cell.kind === 'cell' ? 'td' : 'th');
    Object.assign(td, { colSpan: cell.colspan, rowSpan: cell.rowspan });
    if (cell.kind === 'cell') {
      const input = Object.assign(document.createElement('input'), { name: cell.path, readOnly: !!cell.total });
      input.dataset.cell = cell.path;
      input.setAttribute('aria-label', cell.labels.join(' '));
      td.append(input);
    } else {
      td.textContent = cell.text;
    }
    tr.append(td);
  }
}
form.elements['meta.year'].value = report.meta.year;

// A typed value goes into the report as the file keeps it: a count, or the text as typed.
function put(path, text) {
  const keys = path.split('.');
  const last = keys.pop();
  const target = keys.reduce((object, key) => object[key], report);
  const trimmed = text.trim();
  target[last] = trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function checkNow() {
  report = withTotals(report);
  for (const input of form.querySelectorAll('[data-cell][readonly]')) {
    const [table, row, column] = input.dataset.cell.split('.');
    input.value = report[table][row][column] ?? '';
  }
  const { findings } = check(report, { stage: 'filling' });
  const invalid = new Set(findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells));
  for (const input of form.querySelectorAll('[data-cell]')) {
    input.setAttribute('aria-invalid', String(invalid.has(input.dataset.cell)));
  }
  document.getElementById('findings').replaceChildren(...findings.map((finding) => {
    const item = Object.assign(document.createElement('li'), { textContent: `${finding.rule}：${finding.message}` });
    Object.assign(item.dataset, { rule: finding.rule, severity: finding.severity, cells: finding.cells.join(' ') });
    return item;
  }));
}

form.addEventListener('input', (event) => {
  const { name, value } = event.target;
  if (name === 'meta.body') report.meta.body = value;
  else if (name === 'meta.year') report.meta.year = /^\d{4}$/.test(value.trim()) ? Number(value) : null;
  else put(name, value);
  checkNow();
});

document.getElementById('download').addEventListener('click', () => {
  const bytes = render(report, 'docx');
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })),
    download: `${report.meta.body || '本机关'}${report.meta.year ?? ''}年政府信息公开工作年度报告.docx`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
});

checkNow();
form.hidden = false;
document.getElementById('status').textContent = '已加载：每次输入都会检查，错误的格会标红。';
