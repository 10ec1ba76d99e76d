-- Every existing clinic gets the usual remote-monitoring threshold as a row it
-- can edit; new clinics get the same from lib/episodes/monitoring-defaults.ts
-- (keep the two alike). Idempotent for a clinic that already has the label.
INSERT INTO "MonitoringThreshold" ("id", "clinicId", "label", "minDays", "periodDays", "source")
SELECT gen_random_uuid(), c."id", 'RTM device supply', 16, 30,
       'CMS Physician Fee Schedule, remote therapeutic monitoring device supply (CPT 98977, musculoskeletal): 16 or more days of data in a 30-day period. Verify against the CMS 2026 PFS, which added shorter tiers, before billing.'
FROM "Clinic" c
ON CONFLICT ("clinicId", "label") DO NOTHING;
