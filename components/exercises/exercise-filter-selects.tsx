import { SelectField } from "@/components/ui/field";
import {
  BODY_AREA_LABEL,
  BODY_AREAS,
  EQUIPMENT,
  EQUIPMENT_LABEL,
  POSITION_LABEL,
  POSITIONS,
} from "@/lib/exercises/catalog";

export type ExerciseFilterValues = { bodyArea: string; position: string; equipment: string; muscle: string };

/** The library's four filters, shared by the library page and the program builder. */
export function ExerciseFilterSelects({
  filters,
  muscles,
  onChange,
}: {
  filters: ExerciseFilterValues;
  muscles: readonly string[] | undefined;
  onChange: (key: keyof ExerciseFilterValues) => (e: { target: { value: string } }) => void;
}) {
  const options = (values: readonly string[], label: (v: string) => string) => [
    <option key="" value="">
      Any
    </option>,
    ...values.map((v) => (
      <option key={v} value={v}>
        {label(v)}
      </option>
    )),
  ];
  return (
    <>
      <SelectField label="Body area" value={filters.bodyArea} onChange={onChange("bodyArea")}>
        {options(BODY_AREAS, (v) => BODY_AREA_LABEL[v as (typeof BODY_AREAS)[number]])}
      </SelectField>
      <SelectField label="Position" value={filters.position} onChange={onChange("position")}>
        {options(POSITIONS, (v) => POSITION_LABEL[v as (typeof POSITIONS)[number]])}
      </SelectField>
      <SelectField label="Equipment" value={filters.equipment} onChange={onChange("equipment")}>
        {options(EQUIPMENT, (v) => EQUIPMENT_LABEL[v as (typeof EQUIPMENT)[number]])}
      </SelectField>
      <SelectField label="Muscle" value={filters.muscle} onChange={onChange("muscle")}>
        {options(muscles ?? [], (v) => v)}
      </SelectField>
    </>
  );
}
