import { PLATFORMS } from '../work/wt-faults/test/reliability/platforms';
import { inputCases } from '../work/wt-faults/test/reliability/inputCases';
let total = 0; const kinds: Record<string, number> = {};
for (const p of PLATFORMS) { const c = inputCases(p.node()); total += c.length; console.log(p.name, c.length); for (const x of c) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1; }
console.log('total', total, JSON.stringify(kinds));
