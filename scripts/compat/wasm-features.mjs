#!/usr/bin/env node
// wasm-features.mjs — which post-MVP WebAssembly features a .wasm file actually uses.
//
//   node scripts/compat/wasm-features.mjs FILE.wasm [--json]
//
// Reads the module's sections and decodes every function body, then prints
//   - the `target_features` custom section (what the linker says; wasm-bindgen turns its
//     externref / multi-value transforms on from this section alone),
//   - the features the bytes really use, each with a count and one example,
//   - the oldest Chrome / Firefox / Safari that accept that set (table FEATURE_SUPPORT below).
// No dependencies: Node 18+. Exit status 0 on success, 2 when the file cannot be decoded.

import fs from "node:fs";

// First version that ships each feature on by default: webassembly.org's feature table
// (WebAssembly/website features.json); README.md has the sources and what we measured here.
// "call-indirect-overlong" (a padded table index in call_indirect) needs the reference-types
// decoder in V8; SpiderMonkey 78 already accepts it.
export const FEATURE_SUPPORT = {
  "mutable-globals": { chrome: 74, firefox: 61, safari: "13.1" },
  "sign-ext": { chrome: 74, firefox: 62, safari: "14.1" },
  "nontrapping-fptoint": { chrome: 75, firefox: 64, safari: "15" },
  "bulk-memory": { chrome: 75, firefox: 79, safari: "15" },
  "multivalue": { chrome: 86, firefox: 78, safari: "13.1" },
  "reference-types": { chrome: 96, firefox: 79, safari: "15" },
  "call-indirect-overlong": { chrome: 96, firefox: 78, safari: "15" },
  "simd128": { chrome: 91, firefox: 89, safari: "16.4" },
  "exception-handling (legacy)": { chrome: 95, firefox: 100, safari: "15.2" },
  "exception-handling (exnref)": { chrome: 137, firefox: 131, safari: "18.4" },
  "tail-call": { chrome: 112, firefox: 121, safari: "18.2" },
  "extended-const": { chrome: 114, firefox: 112, safari: "17.4" },
  "threads (shared memory / atomics)": { chrome: 74, firefox: 79, safari: "14.1" },
  "multi-memory": { chrome: 120, firefox: 125, safari: null },
  "memory64": { chrome: 133, firefox: 134, safari: null },
  "typed-function-references / gc": { chrome: 119, firefox: 120, safari: "18.2" },
};

class Reader {
  constructor(buf, pos = 0, end = buf.length) { this.b = buf; this.p = pos; this.end = end; }
  eof() { return this.p >= this.end; }
  u8() { if (this.p >= this.end) throw new Error("unexpected end"); return this.b[this.p++]; }
  bytes(n) { const s = this.b.subarray(this.p, this.p + n); this.p += n; if (this.p > this.end) throw new Error("unexpected end"); return s; }
  uleb() { let r = 0, shift = 0, byte; do { byte = this.u8(); r += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80); return r; }
  // Reads a u32 LEB and also says whether it was longer than needed (padded by the linker).
  ulebRaw() { const start = this.p; const v = this.uleb(); const len = this.p - start; return { v, overlong: len > 1 && this.b[this.p - 1] === 0 }; }
  sleb() { let r = 0n, shift = 0n, byte; do { byte = this.u8(); r |= BigInt(byte & 0x7f) << shift; shift += 7n; } while (byte & 0x80); if (byte & 0x40) r -= 1n << shift; return r; }
  name() { const n = this.uleb(); return Buffer.from(this.bytes(n)).toString("utf8"); }
}

const VALTYPE = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128", 0x70: "funcref", 0x6f: "externref" };

export function analyze(buf) {
  const used = new Map(); // feature -> { count, example }
  const use = (f, example) => { const u = used.get(f); if (u) u.count++; else used.set(f, { count: 1, example }); };
  const r = new Reader(buf);
  const magic = r.bytes(4), version = r.bytes(4);
  if (Buffer.from(magic).toString("latin1") !== "\0asm") throw new Error("not a wasm module");
  if (version[0] !== 1) throw new Error(`unsupported binary version ${version[0]} (component?)`);
  const info = { targetFeatures: null, producers: null, sizes: {}, functions: 0, types: [] };
  const globalsMut = []; // mutability of each global index (imports first)
  let importedFuncs = 0;

  const valtype = (rd, where) => {
    const t = rd.u8();
    if (t === 0x7b) use("simd128", `v128 in ${where}`);
    if (t === 0x6f || t === 0x70) use("reference-types", `${VALTYPE[t]} value in ${where}`);
    if (t === 0x64 || t === 0x63) { use("typed-function-references / gc", `(ref ...) in ${where}`); rd.sleb(); }
    return VALTYPE[t] || `0x${t.toString(16)}`;
  };
  const limits = (rd, where) => {
    const flags = rd.uleb();
    if (flags & 2) use("threads (shared memory / atomics)", `shared ${where}`);
    if (flags & 4) use("memory64", `64-bit ${where}`);
    rd.uleb(); if (flags & 1) rd.uleb();
  };
  const constExpr = (rd, where) => {
    let n = 0;
    for (;;) {
      const op = rd.u8();
      if (op === 0x0b) break;
      n++;
      switch (op) {
        case 0x41: case 0x42: rd.sleb(); break;
        case 0x43: rd.bytes(4); break;
        case 0x44: rd.bytes(8); break;
        case 0x23: rd.uleb(); break;
        case 0xd0: rd.sleb(); use("reference-types", `ref.null in ${where}`); break;
        case 0xd2: rd.uleb(); use("reference-types", `ref.func in ${where}`); break;
        case 0x6a: case 0x6b: case 0x6c: case 0x7c: case 0x7d: case 0x7e: break;
        case 0xfd: rd.uleb(); rd.bytes(16); use("simd128", `v128.const in ${where}`); break;
        default: use("typed-function-references / gc", `opcode 0x${op.toString(16)} in ${where}`); return;
      }
    }
    if (n > 1) use("extended-const", `${n}-instruction constant in ${where}`);
  };
  const blocktype = (rd, where) => {
    const b = rd.b[rd.p];
    if (b === 0x40 || VALTYPE[b]) { rd.u8(); if (b === 0x7b) use("simd128", `v128 block in ${where}`); if (b === 0x6f || b === 0x70) use("reference-types", `${VALTYPE[b]} block in ${where}`); return; }
    const idx = Number(rd.sleb());
    const t = info.types[idx];
    if (!t || t.params > 0 || t.results > 1) use("multivalue", `block with type index ${idx} in ${where}`);
  };
  const memarg = (rd, where) => { const a = rd.uleb(); if (a & 0x40) { rd.uleb(); use("multi-memory", `memory index in ${where}`); } rd.uleb(); };

  const code = (rd, fidx) => {
    const where = `func ${fidx}`;
    for (;;) {
      if (rd.eof()) return;
      const op = rd.u8();
      switch (op) {
        case 0x00: case 0x01: case 0x05: case 0x0b: case 0x0f: case 0x1a: case 0x1b: case 0xd1: break;
        case 0x02: case 0x03: case 0x04: blocktype(rd, where); break;
        case 0x06: use("exception-handling (legacy)", `try in ${where}`); blocktype(rd, where); break;
        case 0x07: case 0x08: use("exception-handling (legacy)", `catch/throw in ${where}`); rd.uleb(); break;
        case 0x09: case 0x18: use("exception-handling (legacy)", `rethrow/delegate in ${where}`); rd.uleb(); break;
        case 0x19: use("exception-handling (legacy)", `catch_all in ${where}`); break;
        case 0x0a: use("exception-handling (exnref)", `throw_ref in ${where}`); break;
        case 0x1f: {
          use("exception-handling (exnref)", `try_table in ${where}`); blocktype(rd, where);
          const n = rd.uleb();
          for (let i = 0; i < n; i++) { const k = rd.u8(); if (k < 2) rd.uleb(); rd.uleb(); }
          break;
        }
        case 0x0c: case 0x0d: case 0x10: case 0x20: case 0x21: case 0x22: rd.uleb(); break;
        case 0x23: case 0x24: rd.uleb(); break;
        case 0x0e: { const n = rd.uleb(); for (let i = 0; i <= n; i++) rd.uleb(); break; }
        case 0x11: {
          rd.uleb();
          const t = rd.ulebRaw();
          if (t.v !== 0) use("reference-types", `call_indirect on table ${t.v} in ${where}`);
          else if (t.overlong) use("call-indirect-overlong", `call_indirect with a padded table index in ${where}`);
          break;
        }
        case 0x12: use("tail-call", `return_call in ${where}`); rd.uleb(); break;
        case 0x13: use("tail-call", `return_call_indirect in ${where}`); rd.uleb(); rd.uleb(); break;
        case 0x14: case 0x15: use("typed-function-references / gc", `call_ref in ${where}`); rd.uleb(); break;
        case 0x1c: { use("reference-types", `typed select in ${where}`); const n = rd.uleb(); for (let i = 0; i < n; i++) valtype(rd, where); break; }
        case 0x25: case 0x26: use("reference-types", `table.get/set in ${where}`); rd.uleb(); break;
        case 0x3f: case 0x40: rd.uleb(); break;
        case 0x41: case 0x42: rd.sleb(); break;
        case 0x43: rd.bytes(4); break;
        case 0x44: rd.bytes(8); break;
        case 0xd0: use("reference-types", `ref.null in ${where}`); rd.sleb(); break;
        case 0xd2: use("reference-types", `ref.func in ${where}`); rd.uleb(); break;
        case 0xd3: case 0xd4: use("typed-function-references / gc", `ref.eq/as_non_null in ${where}`); break;
        case 0xd5: case 0xd6: use("typed-function-references / gc", `br_on_null in ${where}`); rd.uleb(); break;
        case 0xfb: use("typed-function-references / gc", `GC opcode in ${where} (rest of this body not decoded)`); return;
        case 0xfc: {
          const s = rd.uleb();
          if (s <= 7) use("nontrapping-fptoint", `trunc_sat (0xfc ${s}) in ${where}`);
          else if (s === 8) { use("bulk-memory", `memory.init in ${where}`); rd.uleb(); rd.uleb(); }
          else if (s === 9) { use("bulk-memory", `data.drop in ${where}`); rd.uleb(); }
          else if (s === 10) { use("bulk-memory", `memory.copy in ${where}`); rd.uleb(); rd.uleb(); }
          else if (s === 11) { use("bulk-memory", `memory.fill in ${where}`); rd.uleb(); }
          else if (s === 12) { use("bulk-memory", `table.init in ${where}`); rd.uleb(); rd.uleb(); }
          else if (s === 13) { use("bulk-memory", `elem.drop in ${where}`); rd.uleb(); }
          else if (s === 14) { use("bulk-memory", `table.copy in ${where}`); rd.uleb(); rd.uleb(); }
          else if (s >= 15 && s <= 17) { use("reference-types", `table.grow/size/fill in ${where}`); rd.uleb(); }
          else throw new Error(`unknown opcode 0xfc ${s} in ${where}`);
          break;
        }
        case 0xfd: {
          const s = rd.uleb();
          use("simd128", `0xfd ${s} in ${where}`);
          if (s <= 11 || s === 92 || s === 93) memarg(rd, where);
          else if (s === 12 || s === 13) rd.bytes(16);
          else if (s >= 21 && s <= 34) rd.u8();
          else if (s >= 84 && s <= 91) { memarg(rd, where); rd.u8(); }
          break;
        }
        case 0xfe: {
          const s = rd.uleb();
          use("threads (shared memory / atomics)", `atomic 0xfe ${s} in ${where}`);
          if (s === 3) rd.u8(); else memarg(rd, where);
          break;
        }
        default:
          if (op >= 0x28 && op <= 0x3e) { memarg(rd, where); break; }
          if (op >= 0xc0 && op <= 0xc4) { use("sign-ext", `0x${op.toString(16)} (extend) in ${where}`); break; }
          if (op >= 0x45 && op <= 0xbf) break;
          throw new Error(`unknown opcode 0x${op.toString(16)} at byte ${rd.p - 1} in ${where}`);
      }
    }
  };

  let funcIndex = 0;
  while (!r.eof()) {
    const id = r.u8(), size = r.uleb(), start = r.p, end = r.p + size;
    const s = new Reader(buf, start, end);
    const key = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"][id] || `id${id}`;
    info.sizes[key] = (info.sizes[key] || 0) + size;
    switch (id) {
      case 0: {
        const nm = s.name();
        if (nm === "target_features") {
          const n = s.uleb(); info.targetFeatures = [];
          for (let i = 0; i < n; i++) { const pfx = String.fromCharCode(s.u8()); info.targetFeatures.push(pfx + s.name()); }
        } else if (nm === "producers") {
          const n = s.uleb(); info.producers = {};
          for (let i = 0; i < n; i++) { const f = s.name(), m = s.uleb(); info.producers[f] = []; for (let j = 0; j < m; j++) info.producers[f].push(`${s.name()} ${s.name()}`); }
        }
        break;
      }
      case 1: {
        const n = s.uleb();
        for (let i = 0; i < n; i++) {
          const form = s.u8();
          if (form !== 0x60) { use("typed-function-references / gc", `type form 0x${form.toString(16)}`); info.types.push(null); s.p = end; break; }
          const np = s.uleb(); for (let j = 0; j < np; j++) valtype(s, `type ${i}`);
          const nr = s.uleb(); for (let j = 0; j < nr; j++) valtype(s, `type ${i}`);
          if (nr > 1) use("multivalue", `type ${i} returns ${nr} values`);
          info.types.push({ params: np, results: nr });
        }
        break;
      }
      case 2: {
        const n = s.uleb();
        for (let i = 0; i < n; i++) {
          const mod = s.name(), nm = s.name(), kind = s.u8();
          if (kind === 0) { s.uleb(); importedFuncs++; }
          else if (kind === 1) { const rt = s.u8(); if (rt === 0x6f) use("reference-types", `externref table import ${mod}.${nm}`); limits(s, "table import"); }
          else if (kind === 2) limits(s, `memory import ${mod}.${nm}`);
          else if (kind === 3) { valtype(s, `global import ${mod}.${nm}`); const m = s.u8(); globalsMut.push(m === 1); if (m === 1) use("mutable-globals", `mutable global import ${mod}.${nm}`); }
          else if (kind === 4) { use("exception-handling (legacy)", `tag import ${mod}.${nm}`); s.u8(); s.uleb(); }
        }
        funcIndex = importedFuncs;
        break;
      }
      case 4: {
        const n = s.uleb();
        if (n > 1) use("reference-types", `${n} tables`);
        for (let i = 0; i < n; i++) { const rt = s.u8(); if (rt === 0x6f) use("reference-types", "externref table"); limits(s, "table"); }
        break;
      }
      case 5: { const n = s.uleb(); if (n > 1) use("multi-memory", `${n} memories`); for (let i = 0; i < n; i++) limits(s, "memory"); break; }
      case 6: { const n = s.uleb(); for (let i = 0; i < n; i++) { valtype(s, `global ${globalsMut.length}`); globalsMut.push(s.u8() === 1); constExpr(s, `global ${globalsMut.length - 1}`); } break; }
      case 7: {
        const n = s.uleb();
        for (let i = 0; i < n; i++) { const nm = s.name(), kind = s.u8(), idx = s.uleb(); if (kind === 3 && globalsMut[idx]) use("mutable-globals", `mutable global export "${nm}"`); if (kind === 1 && idx > 0) use("reference-types", `export of table ${idx}`); }
        break;
      }
      case 9: {
        const n = s.uleb();
        for (let i = 0; i < n; i++) {
          const flags = s.uleb();
          if (flags !== 0) use(flags & 4 ? "reference-types" : "bulk-memory", `element segment with flags ${flags}`);
          if ((flags & 3) === 2) s.uleb(); // table index
          if (!(flags & 1)) constExpr(s, `element segment ${i}`);
          if (flags & 3) { if (flags & 4) valtype(s, `element segment ${i}`); else s.u8(); }
          const m = s.uleb();
          for (let j = 0; j < m; j++) { if (flags & 4) constExpr(s, `element segment ${i}`); else s.uleb(); }
        }
        break;
      }
      case 10: {
        const n = s.uleb(); info.functions = n;
        for (let i = 0; i < n; i++) {
          const sz = s.uleb(), bodyEnd = s.p + sz;
          const b = new Reader(buf, s.p, bodyEnd);
          const nl = b.uleb(); for (let j = 0; j < nl; j++) { b.uleb(); valtype(b, `locals of func ${funcIndex}`); }
          code(b, funcIndex);
          s.p = bodyEnd; funcIndex++;
        }
        break;
      }
      case 11: { const n = s.uleb(); for (let i = 0; i < n; i++) { const f = s.uleb(); if (f === 1) use("bulk-memory", `passive data segment ${i}`); if (f === 2) { s.uleb(); use("multi-memory", `data segment ${i} on memory index`); } if (f !== 1) constExpr(s, `data segment ${i}`); const l = s.uleb(); s.bytes(l); } break; }
      case 12: use("bulk-memory", "data count section"); break;
      case 13: use("exception-handling (legacy)", "tag section"); break;
      default: break;
    }
    r.p = end;
  }
  const features = [...used.entries()].map(([feature, u]) => ({ feature, count: u.count, example: u.example, support: FEATURE_SUPPORT[feature] || null }));
  const floor = { chrome: 57, firefox: 52, safari: "11" };
  const num = (v) => (typeof v === "string" ? parseFloat(v) : v);
  for (const f of features) for (const k of Object.keys(floor)) {
    const v = f.support && f.support[k];
    if (v == null) floor[k] = "none"; else if (floor[k] !== "none" && num(v) > num(floor[k])) floor[k] = v;
  }
  return { ...info, types: undefined, features, minimum: floor };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) { console.error("usage: node wasm-features.mjs FILE.wasm [--json]"); process.exit(1); }
  let res;
  try { res = analyze(fs.readFileSync(file)); } catch (e) { console.error(`${file}: ${e.message}`); process.exit(2); }
  if (args.includes("--json")) { console.log(JSON.stringify(res, null, 2)); process.exit(0); }
  console.log(`${file}: ${res.functions} function bodies`);
  console.log(`target_features section: ${res.targetFeatures ? res.targetFeatures.join(" ") : "(none)"}`);
  if (res.producers) console.log(`producers: ${Object.entries(res.producers).map(([k, v]) => `${k}: ${v.join(", ")}`).join("; ")}`);
  console.log("features used by the bytes:");
  if (!res.features.length) console.log("  (none: plain MVP)");
  for (const f of res.features) {
    const s = f.support ? `Chrome ${f.support.chrome ?? "—"}, Firefox ${f.support.firefox ?? "—"}, Safari ${f.support.safari ?? "—"}` : "?";
    console.log(`  ${f.feature.padEnd(34)} ×${String(f.count).padEnd(6)} [${s}]  e.g. ${f.example}`);
  }
  console.log(`oldest engines that accept it: Chrome ${res.minimum.chrome}, Firefox ${res.minimum.firefox}, Safari ${res.minimum.safari}`);
}
