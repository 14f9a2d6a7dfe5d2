// Runs everywhere. Order statistics for per-batch times: the shared statistics' own (one implementation).
export { median, quantile } from '../shared/stats';
