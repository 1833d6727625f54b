import { getEnsembleStatus } from '@/lib/ops/ensemble';
const cs = process.argv[2];
const opts = process.argv[3] ? JSON.parse(process.argv[3]) : {};
getEnsembleStatus(cs, opts).then((s) => console.log(JSON.stringify(s, null, 1)));
