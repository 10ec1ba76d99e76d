/**
 * The remote-monitoring threshold every new clinic starts with. It is a row the
 * clinic's admin can change (/clinic/admin/monitoring), never a rule in code:
 * this list only seeds the row, here and in the migration
 * 20261203221737_default_monitoring_threshold (keep the two alike).
 */
export const DEFAULT_MONITORING_THRESHOLDS = [
  {
    label: "RTM device supply",
    minDays: 16,
    periodDays: 30,
    source:
      "CMS Physician Fee Schedule, remote therapeutic monitoring device supply (CPT 98977, musculoskeletal): 16 or more days of data in a 30-day period. Verify against the CMS 2026 PFS, which added shorter tiers, before billing.",
  },
] as const;
