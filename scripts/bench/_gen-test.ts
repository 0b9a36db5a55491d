import { englandDatabase } from '/work/main/scripts/bench/england.ts';
const n = Number(process.argv[2] ?? 2);
const e = await englandDatabase({ councils: n });
console.log(e.councils.slice(0, 5), e.councils.reduce((a, c) => a + c.lookedAfterTarget, 0));
