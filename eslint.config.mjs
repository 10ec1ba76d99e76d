import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error", "log"] }],
    },
  },
  {
    // Pure rules and the data they read (score bands, pain-map regions and outlines, questionnaires and answer
    // options, red-flag rulesets, the exercise catalogue and figures, dates and times) stay free of framework,
    // database and server-only imports: they are unit-tested as plain functions, and the browser imports some.
    files: [
      "lib/**/*-rules.ts",
      "lib/**/rules/**/*.ts",
      "lib/time/**/*.ts",
      "lib/scoring/bands.ts",
      "lib/pain-map/regions.ts",
      "lib/pain-map/outlines.ts",
      "lib/pain-map/snomed-sites.ts",
      "lib/intake/questionnaires.ts",
      "lib/intake/options.ts",
      "lib/intake/red-flags/**/*.ts",
      "lib/exercises/catalog.ts",
      "lib/exercises/figures.ts",
      "lib/exercises/self-care.ts",
      "lib/exercises/starter-library.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "next",
            "next/*",
            "@/lib/db",
            "@/lib/generated/*",
            "@prisma/*",
            "react",
            "react-dom",
            "server-only",
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "public/sw.js",
  ]),
]);
