/**
 * Writes a brotli copy (`<file>.br`, quality 11) beside every JS and CSS file
 * of the build under .next/static, for server.ts to send to browsers that
 * accept brotli (docs/decisions/100). Quality 11 is too slow to run per
 * request but costs nothing here: the files never change after the build.
 * Run by scripts/build.ts after `next build`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { contentTypeOf } from "../lib/server/precompressed-static-rules";

const compress = promisify(brotliCompress);

export type PrecompressResult = { files: number; bytes: number; brotliBytes: number };

export async function precompressStatic(staticDir: string): Promise<PrecompressResult> {
  const sources = readdirSync(staticDir, { recursive: true, encoding: "utf8" })
    .map((rel) => path.join(staticDir, rel))
    .filter((file) => contentTypeOf(file) !== null && statSync(file).isFile());
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0 };
  // zlib runs these on libuv's thread pool, so the machine's cores share the work.
  const queue = [...sources];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const source = readFileSync(file);
      const br = await compress(source, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      });
      writeFileSync(`${file}.br`, br);
      result.files++;
      result.bytes += source.length;
      result.brotliBytes += br.length;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return result;
}
