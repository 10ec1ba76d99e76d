import path from "node:path";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "./embedded-postgres";
import { ROOT } from "./migrations";

export const DEMO_DATA_DIR = path.join(ROOT, ".data", "postgres");
export const DEMO_DATABASE = "mend";

/**
 * Runs `work` against DATABASE_URL, or against the project's embedded server
 * (started for the duration and stopped after) when DATABASE_URL is not set.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const server = await startEmbeddedPostgres({ dataDir: DEMO_DATA_DIR });
  try {
    await createDatabaseIfMissing(server.url("postgres"), DEMO_DATABASE);
    return await work(server.url(DEMO_DATABASE));
  } finally {
    await server.stop();
  }
}
