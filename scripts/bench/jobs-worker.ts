/**
 * One "app server's" background work for `npm run bench:jobs`: the same
 * startBackgroundJobs() that instrumentation.ts calls, in its own process, so
 * two of them compete for real. Run with `node --conditions=react-server
 * --import tsx` (the lib modules import "server-only").
 */
import { startBackgroundJobs } from "../../lib/jobs/start-background-jobs";

const jobs = await startBackgroundJobs();
process.send?.("ready");
const stop = () => void jobs.stop().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
