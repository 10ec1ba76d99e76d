import { describe, expect, it } from "vitest";
import { csvCell, outcomeReportCsv } from "@/lib/outcomes/outcome-report-csv-rules";
import { buildOutcomeReport } from "@/lib/outcomes/outcome-report-rules";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('Chen, "Maya"')).toBe('"Chen, ""Maya"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });
  it("defuses text a spreadsheet would run as a formula, but leaves negative numbers alone", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM")).toBe("'@SUM");
    expect(csvCell(-4)).toBe("-4");
  });
});

describe("outcomeReportCsv", () => {
  it("writes 'fewer than 5' in every figure column of a withheld group and ends lines with CRLF", () => {
    const csv = outcomeReportCsv(buildOutcomeReport([]));
    const lines = csv.split("\r\n");
    expect(lines.at(-1)).toBe("");
    const all = lines.filter((l) => l.startsWith("all,"));
    expect(all).toHaveLength(3);
    for (const l of all) expect(l.match(/fewer than 5/g)).toHaveLength(6);
    expect(lines).toContain("adherence,No home program,0,,,,,,,");
  });
});
