// Summarises a .cpuprofile: self time and inclusive time per function (top 25).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { nodes: Node[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = profile.nodes.reduce((s, n) => s + n.hitCount, 0);

const label = (n: Node) => {
  const file = n.callFrame.url.replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const n of profile.nodes) {
  if (!n.hitCount) continue;
  self.set(label(n), (self.get(label(n)) ?? 0) + n.hitCount);
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id)!);
    if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + n.hitCount);
    seen.add(l);
  }
}
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([l, h]) => `${((100 * h) / total).toFixed(1).padStart(5)}%  ${l}`)
    .join('\n');
console.log(`self time:\n${top(self)}\n\ninclusive time:\n${top(inclusive)}`);
