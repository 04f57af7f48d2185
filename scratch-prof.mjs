import { readFileSync, readdirSync } from "node:fs";
const dir = process.argv[2];
const byFn = new Map(), byPkg = new Map();
let total = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
  const p = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  for (const [id, t] of dt) {
    const n = nodes.get(id); const cf = n.callFrame;
    const url = cf.url || "(native)";
    const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const pkg = m ? m[1] : url.includes(".next/") ? ".next (app)" : url.startsWith("node:") ? "node:" + url.slice(5).split("/")[0] : url === "(native)" ? (cf.functionName || "(native)") : url.slice(-40);
    const key = `${cf.functionName || "(anon)"} ${url.split("/").slice(-2).join("/")}:${cf.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t); byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t); total += t;
  }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(100 * t / total).toFixed(1).padStart(5)}%  ${n}`).join("\n");
console.log(`total ${(total / 1e6).toFixed(1)} s\n-- by package\n${top(byPkg, 25)}\n-- by function\n${top(byFn, 40)}`);
