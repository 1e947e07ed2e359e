// After wasm-pack: the npm package is named `ogi-report` (the Cargo workspace already has a
// package of that name, the page, so the crate is `ogi-report-wasm`), says what it is, and lists
// exactly the files it ships.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'pkg';
const path = join(dir, 'package.json');
const manifest = JSON.parse(readFileSync(path, 'utf8'));
const packaged = {
  name: 'ogi-report',
  version: manifest.version,
  description: '政府信息公开工作年度报告（2021 年国家格式）：检查规则 R1–R18、Word/HTML 输出、导入已发布报告、汇总。WebAssembly，在浏览器或 Node.js 中运行，数据不离开本机。',
  license: manifest.license,
  type: 'module',
  main: 'ogi_report.js',
  module: 'ogi_report.js',
  types: 'ogi_report.d.ts',
  files: ['ogi_report.js', 'ogi_report.d.ts', 'ogi_report_bg.wasm', 'ogi_report_bg.wasm.d.ts', 'README.md'],
  sideEffects: ['./snippets/*'],
  keywords: ['政府信息公开', '年度报告', 'open-government-information', 'wasm'],
};
writeFileSync(path, `${JSON.stringify(packaged, null, 2)}\n`);
console.log(`package: ${packaged.name}@${packaged.version} in ${dir}/`);
