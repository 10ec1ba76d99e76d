import { foreignKeys, nullableClinicIdTables, publicTables, tablesWithClinicId, uniqueRules } from "./catalog";
import {
  FOREIGN_KEYS_WITHOUT_CLINIC_ID,
  NOT_DISTRIBUTED_BY_CLINIC,
  NULLABLE_CLINIC_ID,
  PRIMARY_KEY_ON_ID_ALONE,
  UNIQUE_RULES_WITHOUT_CLINIC_ID,
} from "./distribution-plan";

/** Everything in the live catalog that would not survive distribution by clinicId and is not excused. */
export async function planViolations() {
  const [withClinic, tables, rules, keys, nullable] = await Promise.all([
    tablesWithClinicId(),
    publicTables(),
    uniqueRules(),
    foreignKeys(),
    nullableClinicIdTables(),
  ]);
  return {
    unplacedTables: tables.filter((t) => !withClinic.has(t) && !(t in NOT_DISTRIBUTED_BY_CLINIC)),
    uniqueRules: rules
      .filter((r) => withClinic.has(r.table))
      // Citus needs the distribution column in a unique index, and compared with = in an exclusion constraint.
      .filter((r) => (r.kind === "exclusion" ? !r.clinicIdByEquality : !r.columns.includes("clinicId")))
      .filter((r) => !(r.kind === "primary key" && r.columns.join() === "id" && PRIMARY_KEY_ON_ID_ALONE))
      .filter((r) => !(r.name in UNIQUE_RULES_WITHOUT_CLINIC_ID))
      .map((r) => `${r.name} (${r.kind} on ${r.table}: ${r.columns.join(", ")})`),
    foreignKeys: keys
      .filter((fk) => withClinic.has(fk.table) && withClinic.has(fk.references))
      .filter((fk) => {
        const i = fk.columns.indexOf("clinicId");
        return i === -1 || fk.referencedColumns[i] !== "clinicId";
      })
      .filter((fk) => !(fk.name in FOREIGN_KEYS_WITHOUT_CLINIC_ID))
      .map((fk) => `${fk.name} (${fk.table}(${fk.columns.join(", ")}) -> ${fk.references})`),
    nullableClinicId: nullable.filter((t) => !(t in NULLABLE_CLINIC_ID)),
  };
}
